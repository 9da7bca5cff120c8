import type { ExternalLink, LinkType } from '../types.ts';

/** Classify a URL by host. Unknown or unparsable URLs are `web`. */
export function linkType(url: string): LinkType {
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase().replace(/^www\./, '');
  } catch {
    return 'web';
  }
  if (host === 'arxiv.org' || host.endsWith('.arxiv.org')) return 'arxiv';
  if (host === 'youtu.be' || host === 'youtube.com' || host.endsWith('.youtube.com')) return 'youtube';
  if (host === 'github.com' || host.endsWith('.github.com')) return 'github';
  if (host === 'huggingface.co' || host === 'hf.co') return 'huggingface';
  if (host === 'x.com' || host === 'twitter.com') return 'x';
  if (host === 't.me' || host === 'telegram.me') return 'telegram';
  return 'web';
}

/** `2510.19338` from `https://arxiv.org/abs/2510.19338v2` / `/pdf/2510.19338.pdf`; undefined otherwise. */
export function arxivId(url: string): string | undefined {
  // Anchored at the host: `notarxiv.org/abs/…` and `evil.com/arxiv.org/abs/…` are not arXiv.
  const m = /^(?:https?:\/\/)?(?:[\w-]+\.)*arxiv\.org(?::\d+)?\/(?:abs|pdf|html)\/(\d{4}\.\d{4,5})(?:v\d+)?(?=[/?#.]|$)/i.exec(url.trim());
  return m?.[1];
}

/**
 * Only these schemes survive into the site. Anything else (`javascript:`, `data:`,
 * `vbscript:`…) is dropped by `safeUrl`. Relative URLs are kept as they are.
 */
const SAFE_SCHEMES = new Set(['http:', 'https:', 'mailto:', 'tel:', 'tg:']);

/** The URL if it is safe to put in an `href`, else undefined. Adds `https://` to bare `t.me/x` style hosts. */
export function safeUrl(raw: string): string | undefined {
  const url = raw.trim();
  if (!url) return undefined;
  // Control characters and whitespace inside a scheme are how `java\tscript:` slips through.
  const compact = url.replace(/[\u0000-\u0020\u007f]+/g, '');
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(compact)?.[1];
  if (scheme) return SAFE_SCHEMES.has(scheme.toLowerCase() + ':') ? url.replace(/[\u0000-\u001f\u007f]/g, '') : undefined;
  if (/^[a-z0-9-]+(\.[a-z0-9-]+)+(\/|$)/i.test(compact)) return `https://${compact}`;
  if (compact.startsWith('/') || compact.startsWith('#')) return compact;
  return undefined;
}

/** De-duplicated (by URL) external links in order of first appearance. */
export function collectLinks(pairs: { url: string; label: string }[]): ExternalLink[] {
  const seen = new Set<string>();
  const out: ExternalLink[] = [];
  for (const { url: raw, label } of pairs) {
    const url = safeUrl(raw);
    if (!url || url.startsWith('/') || url.startsWith('#') || seen.has(url)) continue;
    seen.add(url);
    out.push({ url, label: label.trim() || url, type: linkType(url) });
  }
  return out;
}

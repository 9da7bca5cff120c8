/**
 * ReviewPage → SourceRecord: the part shared by every review generator, so the
 * same review gets the same id, title and body whichever page it came from.
 */
import type { Root, RootContent } from 'mdast';
import { visit } from 'unist-util-visit';
import { IngestError, type ParseResult, type RawFile, type ReviewMeta, type SourceRecord } from '../../types.ts';
import { htmlToMdast } from '../../util/html.ts';
import { arxivId, collectLinks } from '../../util/links.ts';
import { toPlainText } from '../../util/mdast.ts';
import { shortHash, slugify } from '../../util/slug.ts';
import { parseReviewDate } from './dates.ts';
import type { ReviewPage } from './page.ts';

/** Review slugs are long paper titles; a permalink may be longer than the default 80 characters. */
const MAX_ID_SLUG = 200;

export function reviewRecord(
  page: ReviewPage,
  file: RawFile,
  format: 'review-flight' | 'review-html',
  generator: ReviewMeta['generator'],
  warnings: ParseResult['warnings'],
): SourceRecord {
  const title = cleanTitle(page.title);
  if (!title) throw new IngestError(file.path, page.location, 'the page title is empty once its "[…]" prefix is removed');

  const segments = slugSegments(page.slugPath);
  let originalSlug = segments[segments.length - 1];
  if (!originalSlug) {
    // The corpus stores each page under its slug; better than no stable id at all.
    originalSlug = file.path.split('/').slice(-2, -1)[0] ?? '';
    warnings.push({ location: page.location, message: `no post slug in the page; using the folder name "${originalSlug}"` });
  }
  const slug = slugify(originalSlug, MAX_ID_SLUG) || `review-${shortHash(originalSlug.normalize('NFC'))}`;

  const root = siteRoot(page.siteUrl);
  const url = root && segments.length ? `${root}${segments.map(encodeURIComponent).join('/')}/` : undefined;

  const body = htmlToMdast(page.body, { math: true, baseUrl: url ?? root });
  const links = collectLinks(linkPairs(body));
  const authors = takeFrontMatter(body);

  const date = parseReviewDate(page.published);
  if (page.published && !date) warnings.push({ location: page.location, message: `unreadable date ${JSON.stringify(page.published)}` });
  const updated = parseReviewDate(page.updated?.replace(/^\s*(수정|updated|modified)\s*:\s*/i, ''));

  const review: ReviewMeta = { originalSlug, generator };
  if (authors.length) review.authors = authors;
  const arxiv = links.map((l) => arxivId(l.url)).find((id) => id !== undefined);
  if (arxiv) review.arxivId = arxiv;
  if (updated) review.updated = updated;

  const record: SourceRecord = {
    id: `reviews/${slug}`,
    kind: 'review',
    format,
    title,
    ...(date ? { date } : {}),
    origin: { name: page.siteName ?? (root ? new URL(root).host : 'unknown blog'), ...(root ? { url: root } : {}) },
    ...(url ? { url } : {}),
    links,
    // Control characters never belong to a tag, and a NUL cannot be in the tag page's folder name.
    tags: dedupe(page.tags.map((t) => t.replace(/^\s*#/, '').replace(/[\s\p{Cc}]+/gu, ' ').trim()).filter(Boolean)),
    lang: /\p{Script=Hangul}/u.test(toPlainText(body)) ? 'ko' : 'en',
    body,
    review,
    provenance: { file: file.path, location: page.location },
  };
  return record;
}

/**
 * `[논문리뷰] Mem-α: …` → `Mem-α: …`. Curly quotes become straight ones: the Jekyll
 * generator curls them and the Next.js one does not, and one review must get one title.
 */
export function cleanTitle(raw: string): string {
  return raw
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^\[([^\]]*)\]\s*/, (m, tag: string) => (/\p{Script=Hangul}|review/iu.test(tag) ? '' : m))
    .replace(/[‘’‚‛′]/g, "'")
    .replace(/[“”„‟″]/g, '"');
}

/** Path segments of the post, %-decoded: `ai/review/2025-10-1-Mem-%CE%B1_…` → [`ai`, `review`, `2025-10-1-Mem-α_…`]. */
function slugSegments(slugPath: string | undefined): string[] {
  if (!slugPath) return [];
  let path = slugPath.trim();
  try {
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(path)) path = new URL(path).pathname;
  } catch {
    /* keep as written */
  }
  return path
    .split(/[?#]/)[0]!
    .split('/')
    .filter(Boolean)
    .map((seg) => {
      try {
        return decodeURIComponent(seg).normalize('NFC');
      } catch {
        return seg.normalize('NFC');
      }
    });
}

function siteRoot(siteUrl: string | undefined): string | undefined {
  if (!siteUrl) return undefined;
  try {
    const u = new URL(siteUrl);
    return u.protocol === 'https:' || u.protocol === 'http:' ? `${u.origin}/` : undefined;
  } catch {
    return undefined;
  }
}

function linkPairs(body: Root): { url: string; label: string }[] {
  const pairs: { url: string; label: string }[] = [];
  visit(body, 'link', (node) => {
    pairs.push({ url: node.url, label: toPlainText(node) });
  });
  return pairs;
}

const AUTHORS_RE = /^\s*(저자|authors?)\s*[:：]\s*/i;
const LINK_LABEL_RE = /^\s*(링크|link|paper|논문)\s*[:：]/i;

/**
 * The blog opens every review with a link blockquote and a `저자:` line; both are
 * metadata (links, authors), so they leave the body. Only blocks before the first
 * heading are considered. Returns the authors.
 */
function takeFrontMatter(body: Root): string[] {
  let authors: string[] = [];
  const keep: RootContent[] = [];
  let seenHeading = false;
  for (const node of body.children) {
    if (node.type === 'heading') seenHeading = true;
    if (!seenHeading) {
      const plain = toPlainText(node);
      if (node.type === 'paragraph' && AUTHORS_RE.test(plain)) {
        authors = splitAuthors(plain.replace(AUTHORS_RE, ''));
        continue;
      }
      if (node.type === 'blockquote' && LINK_LABEL_RE.test(plain) && hasLink(node)) continue;
    }
    keep.push(node);
  }
  body.children = keep;
  return authors;
}

function hasLink(node: RootContent): boolean {
  let found = false;
  visit(node, 'link', () => {
    found = true;
  });
  return found;
}

/** `A, B (X, Y), C` → [`A`, `B (X, Y)`, `C`]: commas inside brackets do not separate authors. */
export function splitAuthors(line: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let cur = '';
  for (const ch of line.replace(/\s+/g, ' ')) {
    if ('([{（'.includes(ch)) depth++;
    if (')]}）'.includes(ch)) depth = Math.max(0, depth - 1);
    if ((ch === ',' || ch === '，') && depth === 0) {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out.map((a) => a.trim().replace(/^(and|&)\s+/i, '').replace(/[.;]$/, '').trim()).filter(Boolean);
}

function dedupe(items: string[]): string[] {
  return [...new Set(items)];
}

/** Small text helpers for previews and link targets. */

/** At most `max` characters, cut at a space when one is near, with an ellipsis. */
export function clip(text: string, max: number): string {
  const t = text.replace(/\s+/g, ' ').trim();
  if (t.length <= max) return t;
  const cut = t.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return (space > max * 0.7 ? cut.slice(0, space) : cut).trimEnd() + '…';
}

/** Stable fragment id of a mention item on a topic page: `m-<source id with / → ->`. */
export const mentionAnchor = (sourceId: string) => `m-${sourceId.replace(/\//g, '-')}`;

/** An external URL fit for `href` (http/https only), else undefined. Data is sanitised at ingest; this is a second fence. */
export function httpUrl(url: string | undefined): string | undefined {
  if (!url) return undefined;
  return /^https?:\/\/[^\s]+$/i.test(url.trim()) ? url.trim() : undefined;
}

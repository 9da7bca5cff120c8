/** Every internal URL goes through here, so `base` (GitHub Pages project sites) works everywhere. */
const BASE = (import.meta.env.BASE_URL ?? '/').replace(/\/?$/, '/');

/** `/techniques/mla/` → `<base>techniques/mla/`. Accepts paths with or without a leading slash. */
export function href(pathname: string): string {
  return BASE + pathname.replace(/^\//, '');
}
export const topicPath = (ref: string) => `/${ref}/`;
export const sourcePath = (id: string) => `/sources/${id}/`;
export const kindPath = (kind: string) => `/${kind}/`;
export const tagPath = (tag: string) => `/tags/${encodeURIComponent(tag.toLowerCase())}/`;

/** Absolute URL for canonical links, Open Graph and JSON-LD. */
export function absolute(pathname: string, site: URL | undefined): string {
  const rel = href(pathname);
  return site ? new URL(rel, site).href : rel;
}

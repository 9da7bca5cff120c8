/**
 * What a review page says, before it becomes a `SourceRecord`: the same shape
 * whether it was read from a flight payload, Next.js HTML or Jekyll HTML.
 */
import type { Root as HastRoot } from 'hast';

export interface ReviewPage {
  /** `h1.page__title` text as shown (`[논문리뷰] …`). */
  title: string;
  /** The published `datetime` attribute, as written (`2025-10-01 14:04:08+0900`). */
  published?: string;
  /** The last-modified date: a `datetime` attribute or the visible text (`수정: 2025년 10월 1일`). */
  updated?: string;
  /** Tags in page order (categories excluded), `#` stripped. */
  tags: string[];
  /** The post's path or URL as the page names it (`ai/review/<slug>`, possibly %-encoded). */
  slugPath?: string;
  /** Blog name and a URL on the blog (og:site_name, og:url / canonical). */
  siteName?: string;
  siteUrl?: string;
  /** The review body: HTML text or an already parsed fragment. */
  body: string | HastRoot;
  /** Where the body sits in the file (`row 9`, `section.page__content`). */
  location: string;
}

/**
 * A review page from rendered HTML: Jekyll "Minimal Mistakes" and the Next.js
 * export share its class names (`page__title`, `page__meta`, `page__content`,
 * `page__taxonomy`). Sidebars, the TOC, prev/next and related posts are outside
 * the article or removed from the content before conversion.
 */
import type { Element, Root } from 'hast';
import { select, selectAll } from 'hast-util-select';
import { toText } from 'hast-util-to-text';
import { IngestError } from '../../types.ts';
import type { ReviewPage } from './page.ts';

/** Page furniture that can sit inside the content section. */
const FURNITURE = 'aside, nav, script, style, .toc, .sidebar, .sidebar__right, .page__related, .pagination, .page__share, .page__comments';

export function pageFromDom(tree: Root, file: string): ReviewPage {
  const title = select('h1.page__title', tree);
  const titleText = title ? toText(title).trim() : '';
  if (!title || !titleText) throw new IngestError(file, 'h1.page__title', 'no h1.page__title in the HTML');
  const scope: Root | Element = selectAll('article', tree).find((a) => select('h1.page__title', a) === title) ?? tree;

  const content = select('.page__content', scope);
  if (!content) throw new IngestError(file, '.page__content', 'no review body (element with class page__content) in the HTML');
  const body: Root = { type: 'root', children: structuredClone(content.children) };
  for (const junk of selectAll(FURNITURE, body)) junk.children = [];
  body.children = body.children.filter((c) => !(c.type === 'element' && c.children.length === 0 && /^(aside|nav)$/.test(c.tagName)));

  const time = select('.page__meta time', scope) ?? select('time', scope);

  let updated: string | undefined;
  for (const el of selectAll('*', scope)) {
    const t = toText(el).trim();
    if (!/^(수정|updated|modified)\s*:/i.test(t)) continue;
    const inner = select('time', el);
    updated = attr(inner, 'dateTime') ?? t;
    break;
  }

  const tags: string[] = [];
  for (const tax of selectAll('.page__taxonomy', scope)) {
    const heading = select('h1, h2, h3, h4, h5, h6, strong', tax);
    if (heading && /카테고리|categor/i.test(toText(heading))) continue;
    for (const item of selectAll('.page__taxonomy-item', tax)) tags.push(toText(item));
  }

  const meta = (key: string) => attr(select(`meta[property="${key}"], meta[name="${key}"]`, tree), 'content');
  const canonical = attr(select('link[rel=canonical]', tree), 'href');
  const ogUrl = meta('og:url');
  const siteTitle = select('.site-title', tree);

  return {
    title: titleText,
    published: attr(time, 'dateTime'),
    updated,
    tags,
    slugPath: [canonical, ogUrl].find((u) => u && pathOf(u).split('/').filter(Boolean).length > 0),
    siteName: meta('og:site_name') ?? (siteTitle ? toText(siteTitle).trim() || undefined : undefined),
    siteUrl: ogUrl ?? canonical,
    body,
    location: `${content.tagName}.page__content`,
  };
}

function attr(el: Element | undefined, name: string): string | undefined {
  const v = el?.properties?.[name];
  return typeof v === 'string' && v.trim() ? v.trim() : undefined;
}

function pathOf(url: string): string {
  try {
    return new URL(url, 'https://x.invalid/').pathname;
  } catch {
    return '';
  }
}

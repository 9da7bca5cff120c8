/**
 * `/sitemap.xml`: every indexable page (home, kind indexes, topics, sources, source
 * lists, tags, timeline), with `base` applied by `absolute`. One file holds up to
 * 50,000 URLs, far more than this site's pages; search and 404 are left out.
 */
import type { APIRoute } from 'astro';
import { loadKnowledgeBase } from '../lib/kb.ts';
import { TOPIC_KINDS } from '../schema/topic.ts';
import { absolute, kindPath, sourcePath, tagPath, topicPath } from '../lib/urls.ts';
import { pageCount, pagePath } from '../lib/view/paging.ts';
import { groupByTag } from '../lib/view/tag-index.ts';
import { byMonth } from '../lib/view/timeline.ts';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
/** W3C datetime: a time needs a zone, so a local time (zone unknown) keeps only its day. */
const lastmod = (iso: string) => (/T[\d:.]+$/.test(iso) ? iso.slice(0, 10) : iso);

export const GET: APIRoute = async ({ site }) => {
  const kb = await loadKnowledgeBase();
  const urls: { path: string; lastmod?: string }[] = [{ path: '/', lastmod: kb.sources[0]?.date }];
  for (const k of TOPIC_KINDS) urls.push({ path: kindPath(k) });
  for (const t of kb.topics.values()) urls.push({ path: topicPath(t.ref), lastmod: t.backlinks.find((b) => b.source.date)?.source.date });
  for (let p = 1; p <= pageCount(kb.sources.length); p++) urls.push({ path: pagePath('/sources/', p) });
  urls.push({ path: '/sources/timeline/' });
  for (const m of byMonth(kb.sources, (s) => s.date).months) urls.push({ path: `/sources/timeline/${m.month}/`, lastmod: m.items[0]?.date });
  for (const s of kb.sources) urls.push({ path: sourcePath(s.id), lastmod: s.date });
  urls.push({ path: '/tags/' });
  for (const g of groupByTag(kb.sources)) {
    for (let p = 1; p <= pageCount(g.sources.length); p++) urls.push({ path: pagePath(tagPath(g.key), p) });
  }
  const body = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
    ...urls.map((u) => `<url><loc>${esc(absolute(u.path, site))}</loc>${u.lastmod ? `<lastmod>${esc(lastmod(u.lastmod))}</lastmod>` : ''}</url>`),
    '</urlset>',
    '',
  ].join('\n');
  return new Response(body, { headers: { 'content-type': 'application/xml; charset=utf-8' } });
};

/**
 * `/feed.xml`: an Atom feed of the 50 newest sources (undated ones are left out:
 * a feed entry needs a date). Summaries are plain text from the body.
 */
import type { APIRoute } from 'astro';
import { loadKnowledgeBase } from '../lib/kb.ts';
import { absolute, sourcePath } from '../lib/urls.ts';
import { SOURCE_KIND_LABEL_KO } from '../schema/source.ts';
import { SITE_DESCRIPTION, SITE_NAME } from '../lib/view/site.ts';
import { blocksOfBody } from '../lib/view/facts.ts';
import { clip } from '../lib/view/text.ts';
import { sourceBody } from '../lib/view/source-body.ts';

const FEED_SIZE = 50;
// XML 1.0 forbids most control characters even escaped; the normaliser strips them, this is a second fence.
const esc = (s: string) =>
  s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Atom wants RFC 3339 with a zone; day-precision and local times get one (Korea time, the readers' zone). */
function rfc3339(iso: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(iso)) return `${iso}T00:00:00+09:00`;
  if (/T\d{2}:\d{2}:\d{2}$/.test(iso)) return `${iso}+09:00`;
  return iso;
}

export const GET: APIRoute = async ({ site }) => {
  const kb = await loadKnowledgeBase();
  const entries = kb.sources.filter((s) => s.date).slice(0, FEED_SIZE);
  const self = absolute('/feed.xml', site);
  const updated = entries[0]?.date ? rfc3339(entries[0].date) : '1970-01-01T00:00:00Z';
  const body = [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="ko">',
    `<title>${esc(SITE_NAME)} — 새 출처</title>`,
    `<subtitle>${esc(SITE_DESCRIPTION)}</subtitle>`,
    `<id>${esc(self)}</id>`,
    `<link rel="self" type="application/atom+xml" href="${esc(self)}"/>`,
    `<link rel="alternate" type="text/html" href="${esc(absolute('/', site))}"/>`,
    `<updated>${updated}</updated>`,
    `<author><name>${esc(SITE_NAME)}</name></author>`,
    ...entries.map((s) => {
      const d = s.entry.data;
      const url = absolute(sourcePath(d.id), site);
      const text = blocksOfBody(sourceBody(s)).flatMap((b) => b.lines.map((l) => l.text)).join(' ');
      const topics = d.mentions.map((m) => kb.topics.get(m.ref)).filter((t) => t !== undefined).slice(0, 8);
      return [
        '<entry>',
        `<title>${esc(d.title)}</title>`,
        `<link rel="alternate" type="text/html" href="${esc(url)}"/>`,
        `<id>${esc(url)}</id>`,
        `<updated>${rfc3339(s.date!)}</updated>`,
        `<published>${rfc3339(s.date!)}</published>`,
        `<author><name>${esc(d.author ?? d.origin.name)}</name></author>`,
        `<category term="${esc(d.kind)}" label="${esc(SOURCE_KIND_LABEL_KO[d.kind])}"/>`,
        ...topics.map((t) => `<category term="${esc(t!.ref)}" label="${esc(t!.entry.data.name)}"/>`),
        `<summary type="text">${esc(clip(text, 400))}</summary>`,
        '</entry>',
      ].join('\n');
    }),
    '</feed>',
    '',
  ].join('\n');
  return new Response(body, { headers: { 'content-type': 'application/atom+xml; charset=utf-8' } });
};

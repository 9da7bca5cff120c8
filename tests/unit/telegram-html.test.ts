import { describe, expect, it } from 'vitest';
import { telegramHtml } from '../../src/pipeline/adapters/telegram-html.ts';
import { htmlDate } from '../../src/pipeline/adapters/telegram/html-page.ts';
import type { ParseResult, RawFile, SourceRecord } from '../../src/pipeline/types.ts';

const recordsOf = (r: ParseResult) => r.records as SourceRecord[];

const page = (title: string, blocks: string) => `<!DOCTYPE html>
<html>
 <head>
  <meta charset="utf-8"/>
<title>Exported Data</title>
 </head>
 <body onload="CheckLocation();">
  <div class="page_wrap">
   <div class="page_header">
    <div class="content">
     <div class="text bold">
${title}
     </div>
    </div>
   </div>
   <div class="page_body chat_page">
    <div class="history">
${blocks}
    </div>
   </div>
  </div>
 </body>
</html>
`;

const message = (id: number, date: string, text: string, opts: { joined?: boolean; from?: string } = {}) => `
     <div class="message default clearfix${opts.joined ? ' joined' : ''}" id="message${id}">
      <div class="body">
       <div class="pull_right date details" title="${date}">
00:00
       </div>
${opts.joined ? '' : `       <div class="from_name">\n${opts.from ?? 'Group'}\n       </div>\n`}
       <div class="text">
${text}
       </div>
      </div>
     </div>`;

function raw(p: string, text: string): RawFile {
  return { path: p, absPath: '', text, head: text.slice(0, 65536), size: text.length };
}

describe('htmlDate', () => {
  it('reads the offset when present', () => {
    expect(htmlDate('23.05.2025 22:59:51 UTC+03:00')).toEqual({ date: { iso: '2025-05-23T22:59:51+03:00', precision: 'exact' }, time: 1748030391 });
    expect(htmlDate('01.02.2024 08:00:00 UTC-05:30').date).toEqual({ iso: '2024-02-01T08:00:00-05:30', precision: 'exact' });
  });
  it('keeps old titles without offset local', () => {
    expect(htmlDate('06.11.2018 10:35:21').date).toEqual({ iso: '2018-11-06T10:35:21', precision: 'local' });
  });
  it('returns nothing for garbage', () => {
    expect(htmlDate('yesterday')).toEqual({});
  });
});

describe('telegram-html', () => {
  it('detects chat pages only', () => {
    expect(telegramHtml.detect(raw('a/messages.html', page('Chan', message(1, '01.01.2024 10:00:00', 'hi'))))).toBeGreaterThanOrEqual(0.5);
    expect(telegramHtml.detect(raw('export_results.html', page('Exported Data', '<div class="sections"></div>').replace('page_body chat_page', 'page_body')))).toBeLessThan(0.5);
    expect(telegramHtml.detect(raw('x.html', '<html><head><title>Other</title></head><body><div class="message">x</div></body></html>'))).toBeLessThan(0.5);
  });

  it('orders pages numerically and inherits the sender of joined blocks per file', async () => {
    const files = [
      raw('chat/messages10.html', page('Group', message(30, '03.01.2024 10:00:00', 'page ten', { from: 'Carol' }))),
      raw('chat/messages.html', page('Group', message(10, '01.01.2024 10:00:00', 'first', { from: 'Alice' }) + message(11, '01.01.2024 10:01:00', 'joined reply', { joined: true }))),
      raw('chat/messages2.html', page('Group', message(20, '02.01.2024 10:00:00', 'second page', { from: 'Bob' }))),
    ];
    const sorted = [...files].sort((a, b) => (a.path < b.path ? -1 : 1));
    const res = await telegramHtml.parse(sorted[0]!, sorted);
    expect(recordsOf(res).map((r) => [r.telegram?.messageId, r.author, r.provenance.file])).toEqual([
      [10, 'Alice', 'chat/messages.html'],
      [11, 'Alice', 'chat/messages.html'],
      [20, 'Bob', 'chat/messages2.html'],
      [30, 'Carol', 'chat/messages10.html'],
    ]);
    expect(recordsOf(res)[0]!.id).toBe('telegram/group/10');
  });

  it('never lets markup in the text become HTML or unsafe links', async () => {
    const html = page('Chan', message(5, '01.01.2024 10:00:00', '&lt;script&gt;alert(1)&lt;/script&gt; <a href="javascript:alert(1)">click</a> <a href="https://ok.example/a">ok</a>'));
    const res = await telegramHtml.parse(raw('c/messages.html', html), [raw('c/messages.html', html)]);
    const body = recordsOf(res)[0]!.body;
    expect(JSON.stringify(body)).not.toContain('javascript:');
    expect(recordsOf(res)[0]!.links.map((l) => l.url)).toEqual(['https://ok.example/a']);
  });
});

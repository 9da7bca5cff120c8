/**
 * The saved t.me/s page adapter: the parts the fixture comparison does not
 * spell out — every field of the markup reaches the right place, ids match the
 * export adapters' scheme, and hostile markup stays inert text after emission.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { compile } from '@mdx-js/mdx';
import remarkMath from 'remark-math';
import { telegramWeb } from '../../src/pipeline/adapters/telegram-web.ts';
import { readDate } from '../../src/pipeline/adapters/telegram-web/page.ts';
import { telegramPostId, channelKey } from '../../src/pipeline/adapters/telegram/ids.ts';
import { emitSource } from '../../src/pipeline/emit.ts';
import type { RawFile, SourceRecord } from '../../src/pipeline/types.ts';

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/telegram-web');

function raw(text: string, rel = 'page.html'): RawFile {
  return { path: rel, absPath: `/nowhere/${rel}`, text, head: text.slice(0, 65536), size: Buffer.byteLength(text) };
}
function parseFixture(name: string) {
  return telegramWeb.parse(raw(readFileSync(path.join(FIXTURES, name, 'index.html'), 'utf8'))) as { records: SourceRecord[]; skipped: unknown[]; warnings: unknown[] };
}

describe('telegram-web on a saved channel page', () => {
  const { records, skipped } = parseFixture('page');
  const byId = (n: number) => records.find((r) => r.telegram?.messageId === n)!;

  it('uses the shared Telegram permalink scheme and the post URL', () => {
    expect(records.map((r) => r.id)).toEqual([101, 102, 103, 106, 107, 108, 109].map((n) => telegramPostId(channelKey('ai_paper_club'), n)));
    expect(byId(102).url).toBe('https://t.me/ai_paper_club/102');
    expect(byId(102).date).toEqual({ iso: '2024-01-03T12:00:05+00:00', precision: 'exact' });
  });

  it('skips service messages with a reason', () => {
    expect(skipped).toEqual([{ location: 'line 49, post ai_paper_club/100', reason: 'service message: Channel photo updated' }]);
  });

  it('reads the three reaction chip shapes with K/M counts', () => {
    expect(byId(102).telegram!.reactions).toEqual([
      { emoji: '👍', count: 55 },
      { emoji: '❤‍🔥', count: 1200 },
      { emoji: 'paid', count: 300 },
    ]);
    expect(byId(108).telegram!.reactions).toEqual([
      { emoji: 'custom:5210952531676504517', count: 55200 },
      { emoji: 'paid', count: 1500000 },
    ]);
  });

  it('turns emoji markup into the emoji and hashtag links into text + tags', () => {
    expect(byId(102).title).toBe('DeepSeek-V3 기술 보고서 요약 🔥');
    expect(byId(102).tags).toEqual(['MoE', '딥러닝']);
    expect(byId(107).tags).toEqual(['ذكاء_اصطناعي']);
    expect(byId(102).links.map((l) => l.label)).toEqual(['https://arxiv.org/abs/2412.19437', '여기', '@rosinality']);
  });

  it('keeps one record per album with the item ids and media', () => {
    const album = byId(103);
    expect(album.telegram!.partIds).toEqual([103, 104, 105]);
    expect(album.telegram!.media!.map((m) => m.type)).toEqual(['photo', 'photo', 'video']);
    expect(album.telegram!.media!.every((m) => m.path === undefined)).toBe(true);
  });

  it('reads forward, reply, link preview, signature and language', () => {
    expect(byId(101).telegram!.forwardedFrom).toBe('올바른');
    expect(byId(106).telegram!.replyTo).toEqual({
      messageId: 102,
      text: 'DeepSeek-V3 기술 보고서 요약 🔥 총 6710억 파라미터 중…',
      url: 'https://t.me/ai_paper_club/102',
    });
    expect(byId(106).body.children.at(-1)!.type).toBe('blockquote');
    expect(byId(108)).toMatchObject({ author: 'Иван Петров', lang: 'ru', telegram: { signature: 'Иван Петров', views: '12.3K' } });
    expect(byId(107).lang).toBe('ar');
    expect(byId(109).title).toBe('사진');
  });
});

describe('telegram-web safety', () => {
  it('emits the hostile post as text that MDX compiles to no code', async () => {
    const { records } = parseFixture('hostile');
    const found: string[] = [];
    for (const r of records) {
      const file = emitSource(r);
      expect(file).not.toMatch(/javascript:|data:text/i);
      await compile(file.replace(/^---\n[\s\S]*?\n---\n/, ''), {
        remarkPlugins: [
          remarkMath,
          () => (tree: any) => {
            const walk = (n: any) => {
              if (/^mdx|^html$|^image$|^math$|^inlineMath$/.test(n.type)) found.push(n.type);
              (n.children ?? []).forEach(walk);
            };
            walk(tree);
          },
        ],
      });
      expect(r.links).toEqual([]);
    }
    expect(found).toEqual([]);
  });

  it('keeps Hangul exactly, composed (NFC), through the HTML path', () => {
    const html = '<div class="tgme_widget_message" data-post="k_chan/1"><div class="tgme_widget_message_bubble"><div class="tgme_widget_message_text">' +
      '한글 가각 ㄱㄴ'.normalize('NFD') + '</div></div></div>';
    const [r] = (telegramWeb.parse(raw(html)) as { records: SourceRecord[] }).records;
    expect(r!.title).toBe('한글 가각 ㄱㄴ'.normalize('NFC'));
    expect(r!.lang).toBe('ko');
  });
});

describe('telegram-web detection and dates', () => {
  it('detects t.me/s pages but not Telegram Desktop exports or other HTML', () => {
    expect(telegramWeb.detect(raw(readFileSync(path.join(FIXTURES, 'page', 'index.html'), 'utf8')))).toBeGreaterThanOrEqual(0.9);
    expect(telegramWeb.detect(raw('<!DOCTYPE html><html><body><div class="page_wrap"><div class="message default clearfix" id="message5"></div></div></body></html>'))).toBe(0);
    expect(telegramWeb.detect(raw('<html><body><article>tgme_widget_message is a class name</article></body></html>'))).toBe(0);
    expect(telegramWeb.detect(raw('Title – Telegram\n2.4K subscribers\nDownload Telegram\n'))).toBe(0);
  });

  it.each([
    ['2024-01-02T10:11:12+00:00', { iso: '2024-01-02T10:11:12+00:00', precision: 'exact' }],
    ['2024-01-02T10:11:12Z', { iso: '2024-01-02T10:11:12+00:00', precision: 'exact' }],
    ['2024-01-02T10:11:12+0300', { iso: '2024-01-02T10:11:12+03:00', precision: 'exact' }],
    ['2024-13-02T10:11:12+00:00', undefined],
    ['yesterday', undefined],
  ])('readDate(%j)', (s, expected) => expect(readDate(s)).toEqual(expected));

  it('throws an IngestError for a page that is no t.me/s page', () => {
    expect(() => telegramWeb.parse(raw('<html><body><p>nothing</p></body></html>', 'x/page.html'))).toThrow(/^x\/page\.html: no t\.me\/s channel card/);
  });
});

/**
 * The t.me/s text-copy adapter on the real seed (content/raw/seeds/001_…) and on
 * copies generated from it: how it splits posts, and that its content-derived
 * permalinks survive re-ingesting a longer or shorter copy of the same page.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { telegramText } from '../../src/pipeline/adapters/telegram-text.ts';
import { parseFooterLine, parseReactionLine } from '../../src/pipeline/adapters/telegram-web/text-copy.ts';
import { parseCount } from '../../src/pipeline/adapters/telegram-web/counts.ts';
import { detectFormat } from '../../src/pipeline/detect.ts';
import { toPlainText } from '../../src/pipeline/util/mdast.ts';
import type { ParseResult, RawFile, SourceRecord } from '../../src/pipeline/types.ts';

const RAW = path.resolve(import.meta.dirname, '../../content/raw');
const SEED = 'seeds/001_0a2af5de08c638d4.txt';
const seedText = readFileSync(path.join(RAW, SEED), 'utf8');

function raw(text: string, rel = 'copy.txt'): RawFile {
  return { path: rel, absPath: `/nowhere/${rel}`, text, head: text.slice(0, 65536), size: Buffer.byteLength(text) };
}
/** This adapter never streams: its records are an array. */
type Parsed = Omit<ParseResult, 'records'> & { records: SourceRecord[] };
function parse(text: string): Parsed {
  return telegramText.parse(raw(text)) as Parsed;
}
const firstLine = (r: SourceRecord) => toPlainText(r.body).split('\n')[0];

describe('telegram-text on seed 001', () => {
  const result = parse(seedText);
  const seedLines = seedText.split('\n');

  it('is detected as telegram-text', () => {
    expect(detectFormat(raw(seedText, SEED))?.id).toBe('telegram-text');
  });

  it('finds 17 posts, each starting where a separator or a link-led paragraph says', () => {
    // [first line of the record, what that line holds]: checked by reading the seed.
    const starts: [number, string][] = [
      [10, 'Forwarded from 올바른'],
      [13, 'https://youtu.be/XJsHIoIDhPY'],
      [73, '메타의 생성 AI 조직이 패닉 상태에 빠졌습니다.'],
      [138, 'https://youtu.be/NvAxuCIBb-c'],
      [187, 'https://youtu.be/7EH0VjM3dTk'],
      [292, 'https://youtu.be/pE3KKUKXcTM'],
      [366, 'https://youtu.be/hobvps-H38o'],
      [483, 'https://www.youtube.com/live/CSE77wAdDLg?si=lwBc_rySVhPbz-Qc'],
      [501, 'https://api-docs.deepseek.com/news/news1226'],
      [593, '3.3.2. 학습과 추론 시 효과'],
      [698, 'https://github.com/deepseek-ai/DeepSeek-R1/blob/main/DeepSeek_R1.pdf'],
      [766, 'DeepSeek에서 나온 테크니컬 리포트들에 대한 글은 이전에 쓴 적이 있었다.'],
      [803, 'https://youtu.be/kYWUEV_e2ss'],
      [850, 'https://arxiv.org/abs/2501.12599'],
      [954, '실제 RL 훈련에서, (문제·답변) 쌍에 대한 보상 함수를 정의해'],
      [963, 'Continuous Learning_Startup & Investment'],
      [994, 'https://youtu.be/snkOMOjiVOk'],
    ];
    expect(result.records.map((r) => Number(/^lines (\d+)-/.exec(r.provenance.location)![1]))).toEqual(starts.map((s) => s[0]));
    for (const [line, text] of starts) expect(seedLines[line - 1]!.replace(/\u00a0/g, " ").startsWith(text), `line ${line}`).toBe(true);
  });

  it('ends posts at reaction lines and keeps them out of the body', () => {
    const byLine = new Map(result.records.map((r) => [r.provenance.location, r]));
    expect(byLine.get('lines 10-12')!.telegram).toMatchObject({ forwardedFrom: '올바른', reactions: [{ emoji: 'custom', count: 1 }] });
    expect(byLine.get('lines 13-72')!.telegram!.reactions).toEqual([{ emoji: '👍', count: 2 }]);
    for (const r of result.records) {
      const text = toPlainText(r.body);
      expect(text).not.toMatch(/^(?:👍\d+|\d+)$/m);
      expect(text).not.toContain('Download Telegram');
    }
    // Every reaction line of the seed is on exactly one record.
    const reactionLines = seedLines.filter((l) => parseReactionLine(l)).length;
    expect(result.records.filter((r) => r.telegram?.reactions).length).toBe(reactionLines);
  });

  it('reads the reply preview (channel title + a "…" snippet) as replyTo, not as body', () => {
    const reply = result.records.find((r) => r.telegram?.replyTo)!;
    expect(reply.provenance.location).toBe('lines 963-993');
    expect(reply.telegram!.replyTo!.text).toMatch(/^https:\/\/arxiv\.org\/abs\/2501\.12599 “Pretraining.*…$/);
    expect(firstLine(reply)).toBe('1. 목표와 전제: 성능이 최우선이다');
  });

  it('gives unique, well-formed, content-derived ids and no dates', () => {
    const ids = result.records.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const r of result.records) {
      expect(r.id).toMatch(/^telegram\/continuous-learning-startup-and-investment\/t-[0-9a-f]{8}(?:-\d+)?$/);
      expect(r.date).toBeUndefined();
      expect(r.lang).toBe('ko');
      expect(r.title.length).toBeLessThanOrEqual(81);
    }
  });

  it('collects the YouTube/arXiv/GitHub links of the text', () => {
    const rosinality = result.records.find((r) => r.provenance.location.startsWith('lines 766-'))!;
    expect(rosinality.links.map((l) => l.type)).toContain('arxiv');
    expect(rosinality.links.some((l) => l.url === 'https://github.com/deepseek-ai/DeepSeek-R1')).toBe(true);
    expect(result.records[1]!.links).toEqual([{ url: 'https://youtu.be/XJsHIoIDhPY', label: 'https://youtu.be/XJsHIoIDhPY', type: 'youtube' }]);
  });

  it('reports pieces longer than one Telegram message', () => {
    expect(result.warnings.map((w) => w.location)).toEqual(['line 366', 'line 766']);
  });
});

describe('telegram-text permalinks across copies of the same page', () => {
  const lines = seedText.split('\n');
  const header = lines.slice(0, 9).join('\n');
  const posts = lines.slice(9).join('\n');
  const before = '새로 올라온 글입니다.\n오래된 글이 위에 더 있습니다.\n👍4\nhttps://youtu.be/aaaaaaaaaaa\n\n영상 요약.\n7';
  const after = '가장 최근 글.\n🔥12 3';
  const base = parse(seedText).records.map((r) => r.id);

  it('keeps every id when more posts surround the copy', () => {
    const longer = parse(`${header}\n${before}\n${posts}\n${after}\n`).records.map((r) => r.id);
    expect(longer.length).toBe(base.length + 3);
    expect(longer.slice(2, 2 + base.length)).toEqual(base);
  });

  it('keeps every id when the copy starts later', () => {
    const cut = lines.findIndex((l) => l.startsWith('메타의 생성 AI'));
    const shorter = parse(`${header}\n${lines.slice(cut).join('\n')}`).records.map((r) => r.id);
    expect(shorter).toEqual(base.slice(2));
  });

  it('does not depend on whitespace differences or Hangul normalisation form', () => {
    const nfd = parse(`${header}\n${posts.normalize('NFD').replace(/\n/g, '  \r\n')}`).records;
    expect(nfd.map((r) => r.id)).toEqual(base);
    for (const r of nfd) {
      const text = toPlainText(r.body) + r.title;
      expect(text).toBe(text.normalize('NFC'));
    }
  });

  it('numbers identical posts by order of appearance', () => {
    const ids = parse(`${header}\n같은 글\n1\n같은 글\n2\n다른 글\n3`).records.map((r) => r.id);
    expect(ids[1]).toBe(`${ids[0]}-2`);
    expect(ids[2]).not.toMatch(/-2$/);
  });
});

describe('telegram-text line readers', () => {
  it.each([
    ['👍2', [{ emoji: '👍', count: 2 }]],
    ['1', [{ emoji: 'custom', count: 1 }]],
    ['👍55 ❤‍🔥1.2K 300', [{ emoji: '👍', count: 55 }, { emoji: '❤‍🔥', count: 1200 }, { emoji: 'custom', count: 300 }]],
    ['🔥3😂1', [{ emoji: '🔥', count: 3 }, { emoji: '😂', count: 1 }]],
    ['55.2K 1.5M', [{ emoji: 'custom', count: 55200 }, { emoji: 'custom', count: 1500000 }]],
    ['2.5', undefined],
    ['10:11', undefined],
    ['1) 딥러닝', undefined],
    ['GPT-4', undefined],
    ['#', undefined],
  ])('reaction line %j', (line, expected) => {
    expect(parseReactionLine(line)).toEqual(expected);
  });

  it.each([
    ['4.4K views10:11', { views: '4.4K', edited: false }],
    ['1 view 23:59', { views: '1', edited: false }],
    ['12.3K viewsedited Иван Петров, 15:45', { views: '12.3K', edited: true, signature: 'Иван Петров' }],
    ['10:11', { edited: false }],
    ['회의, 10:30', undefined],
    ['edited', undefined],
    ['5 viewers', undefined],
  ])('footer line %j', (line, expected) => {
    const got = parseFooterLine(line);
    expect(got && JSON.parse(JSON.stringify(got))).toEqual(expected);
  });

  it.each([
    ['1.2K', 1200],
    ['55.2K', 55200],
    ['1.5M', 1500000],
    ['1,234', 1234],
    ['17', 17],
    ['many', undefined],
  ])('count %j', (s, n) => expect(parseCount(s)).toBe(n));
});

describe('telegram-text detection and errors', () => {
  it('leaves other formats alone', () => {
    for (const seed of ['seeds/002_d43473e88de9ea36.txt', 'seeds/003_2bd76eff1368be98.txt']) {
      expect(telegramText.detect(raw(readFileSync(path.join(RAW, seed), 'utf8'), seed))).toBe(0);
    }
    expect(telegramText.detect(raw('<!DOCTYPE html><title>X – Telegram</title>'))).toBe(0);
    expect(telegramText.detect(raw('{"name": "X – Telegram"}'))).toBe(0);
    expect(telegramText.detect(raw('그냥 메모\n👍2\n'))).toBe(0);
  });

  it('recognises a copy that starts at the channel card (no page-title line)', () => {
    const copy = 'Some Channel\n@some_channel\n1.2K subscribers\n40 photos\nAbout this channel.\nDownload Telegram\n첫 글\n👍1\n';
    expect(detectFormat(raw(copy))?.id).toBe('telegram-text');
    const { records } = parse(copy);
    expect(records.map((r) => [r.id.replace(/t-[0-9a-f]+$/, 't-…'), r.origin.url])).toEqual([['telegram/some-channel/t-…', 'https://t.me/some_channel']]);
  });

  it('throws an IngestError naming the file when there is no channel header', () => {
    expect(() => telegramText.parse(raw('그냥 메모\n👍2\n', 'notes/memo.txt'))).toThrow(/^notes\/memo\.txt \(line 1\): no t\.me\/s channel header/);
  });
});

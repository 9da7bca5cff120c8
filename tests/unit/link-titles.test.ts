/**
 * Title lines (issue #4, key passages): section titles written as plain lines,
 * as Telegram text copies carry them, count as headings for `section` and
 * `headingMatch`, while staying linkable paragraphs.
 */
import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { fromMarkdown } from 'mdast-util-from-markdown';
import type { Root } from 'mdast';
import { linkBody } from '../../src/pipeline/link/link-body.ts';
import { buildMatcher, type TopicTerms } from '../../src/pipeline/link/matcher.ts';
import { blocksFromPlain, root } from '../../src/pipeline/util/mdast.ts';
import { readRawFile } from '../../src/pipeline/detect.ts';
import { telegramText } from '../../src/pipeline/adapters/telegram-text.ts';
import { readTopics } from '../../src/pipeline/topics.ts';
import { topicMatcher } from '../../src/pipeline/ingest.ts';
import type { SourceRecord } from '../../src/pipeline/types.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const t = (ref: string, names: string[]): TopicTerms => ({ ref, names, caseSensitive: [], exclude: [] });
const matcher = buildMatcher([t('techniques/mla', ['Multi-head Latent Attention', 'MLA']), t('techniques/moe', ['MoE', 'Mixture-of-Experts'])]);
const urlFor = (ref: string) => `/${ref}/`;
const plain = (text: string) => linkBody(root(blocksFromPlain(text)), matcher, { urlFor });
const md = (src: string): Root => fromMarkdown(src);

describe('title lines', () => {
  it('a short standalone line followed by content is a section title: headingMatch, no passage of its own', () => {
    const { mentions } = plain('Multi-head Latent Attention (MLA)\n\nKV를 압축한다. MLA는 캐시를 줄인다.');
    expect(mentions).toEqual([
      { ref: 'techniques/mla', count: 3, headingMatch: true, passages: [{ text: 'MLA는 캐시를 줄인다.', section: 'Multi-head Latent Attention (MLA)' }] },
    ]);
  });

  it('an outline-numbered first line of a paragraph is a title too, and a question may end it', () => {
    const { mentions } = plain('3.1.1. 왜 MLA인가?\n대규모 모델은 KV 캐시가 크다. MLA는 압축한다.\n\n다음 문단.');
    expect(mentions[0]).toMatchObject({ headingMatch: true, passages: [{ text: 'MLA는 압축한다.', section: '3.1.1. 왜 MLA인가?' }] });
  });

  it('keeps linking the first mention, even in a title line', () => {
    const { body } = plain('MoE 개요\n\nMoE는 일부 전문가만 쓴다.');
    expect(body.children[0]).toEqual({ type: 'paragraph', children: [{ type: 'link', url: '/techniques/moe/', children: [{ type: 'text', value: 'MoE' }] }, { type: 'text', value: ' 개요' }] });
  });

  it.each([
    ['a sentence (end punctuation)', 'MLA는 KV 캐시를 줄인다.\n\n다음 문단.'],
    ['a Korean sentence ending without a period', 'MLA가 캐시를 줄였다\n\n다음 문단.'],
    ['a note-style line', 'MLA로 캐시 메모리 절감함\n\n다음 문단.'],
    ['the last block', '앞 문단.\n\nMLA 정리'],
    ['an unnumbered question', 'MLA 써 보셨나요?\n\n다음 문단.'],
    ['an unnumbered first line of a longer paragraph', 'MLA 메모\n다음 줄도 같은 문단.\n\n다음 문단.'],
    ['a long line', `MLA ${'가나다라 '.repeat(15)}\n\n다음 문단.`],
  ])('is not a title line: %s', (_why, text) => {
    expect(plain(text).mentions[0]!.headingMatch).toBe(false);
  });

  it('is not a title line inside a list item, or when the line is link text', () => {
    expect(linkBody(md('- MLA 개요\n\n  본문.\n- 둘'), matcher, { urlFor }).mentions[0]!.headingMatch).toBe(false);
    expect(linkBody(md('[MLA 논문](https://example.com)\n\n본문.'), matcher, { urlFor }).mentions[0]!.headingMatch).toBe(false);
  });
});

describe('title lines on the real seed', () => {
  it("the DeepSeek-V3 post's “Multi-head Latent Attention(MLA)” section is a key passage of the MLA topic", async () => {
    const file = await readRawFile(path.join(ROOT, 'content/raw'), 'seeds/001_0a2af5de08c638d4.txt');
    const result = await telegramText.parse(file);
    const records: SourceRecord[] = [];
    for await (const r of result.records) records.push(r);
    const plainText = (n: { value?: string; children?: unknown[] }): string =>
      typeof n.value === 'string' ? n.value : ((n.children ?? []) as (typeof n)[]).map(plainText).join('');
    const post = records.find((r) => plainText(r.body).includes('3.1. Multi-head Latent Attention(MLA)'));
    expect(post, 'the DeepSeek-V3 architecture post').toBeDefined();
    const topics = await readTopics(path.join(ROOT, 'content/topics'));
    const { mentions } = linkBody(post!.body, topicMatcher(topics), { urlFor });
    const mla = mentions.find((m) => m.ref === 'techniques/multi-head-latent-attention');
    expect(mla?.headingMatch).toBe(true);
    expect(mla!.passages.some((p) => /MLA/.test(p.section ?? ''))).toBe(true);
  });
});

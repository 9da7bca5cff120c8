/**
 * Unit tests of the digest adapter's parts. Whole-file behaviour is in the
 * fixtures (tests/fixtures/digest-markdown/); these pin the general rules the
 * held-out digests will lean on: detection, titles, slugs, names, classification.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { digestMarkdown } from '../../src/pipeline/adapters/digest-markdown.ts';
import { detectDigest } from '../../src/pipeline/adapters/digest/detect.ts';
import { cleanTitle, itemSlug, splitLinkLabels } from '../../src/pipeline/adapters/digest/title.ts';
import { inferNewsletterName } from '../../src/pipeline/adapters/digest/newsletter.ts';
import { classifyBlock } from '../../src/pipeline/adapters/digest/classify.ts';
import { parseIssueDate } from '../../src/pipeline/adapters/digest/frontmatter.ts';
import { guessLang } from '../../src/pipeline/adapters/digest/body.ts';
import { bodyToMarkdown } from '../../src/pipeline/emit.ts';
import { IngestError, type ParseResult, type RawFile, type SourceRecord } from '../../src/pipeline/types.ts';

const RAW = path.resolve(import.meta.dirname, '../../content/raw');
const read = (rel: string) => readFileSync(path.join(RAW, rel), 'utf8');
const SEED = read('seeds/002_d43473e88de9ea36.txt');

function raw(text: string, file = 'digest.md'): RawFile {
  return { path: file, absPath: `/dev/null/${file}`, text, head: text.slice(0, 65536), size: Buffer.byteLength(text) };
}
/** The digest adapter returns records as an array (files are small); the tests rely on that. */
function parse(text: string): Omit<ParseResult, 'records'> & { records: SourceRecord[] } {
  const r = digestMarkdown.parse(raw(text)) as ParseResult;
  if (!Array.isArray(r.records)) throw new Error('expected an array of records');
  return { ...r, records: r.records };
}

/** A small digest: `items` are [title, body] pairs, joined with `---` lines. */
function digest(items: [string, string][], tail = '**구독 ❤️** 구독하고 댓글을 남겨주세요.'): string {
  return [...items.map(([t, b]) => `**${t}**\n\n${b}`), tail].join('\n\n---\n\n');
}

describe('detect', () => {
  it.each([
    ['seed 002 (digest)', SEED, true],
    ['frontmatter with newsletter:', '---\nnewsletter: X\n---\n\nhello\n', true],
    ['unclosed frontmatter with newsletter:', '---\nnewsletter: X\ndate: 2025-01-01\n\n**a**\n', true],
    ['seed 001 (Telegram text copy)', read('seeds/001_0a2af5de08c638d4.txt'), false],
    ['seed 003 (flight payload)', read('seeds/003_2bd76eff1368be98.txt'), false],
    ['reviews/SOURCE.md (README-like)', read('reviews/SOURCE.md'), false],
    ['JSON', '{"name": "x", "messages": []}', false],
    ['HTML', '<!doctype html><html><body><p><b>a</b></p><hr><p><b>b</b></p><hr></body></html>', false],
    ['README with rules and headings', '# Tool\n\nIntro.\n\n---\n\n## Install\n\nnpm i\n\n---\n\n## Use\n\nRun it.\n', false],
    ['Telegram copy that happens to hold rules', 'Chan – Telegram\nChan\n1.2K subscribers\n\n---\n\n**a**\n\n---\n\n**b**\n', false],
    ['one rule only', '**a**\n\ntext\n\n---\n\n**b**\n\ntext\n', false],
    ['heading items that link papers', '## A\n\nhttps://arxiv.org/abs/2501.00001\n\n---\n\n## B\n\nhttps://github.com/a/b\n\n---\n\n## C\n\nhttps://huggingface.co/x\n', true],
  ])('%s', (_name, text, yes) => {
    const score = detectDigest(text);
    if (yes) expect(score).toBeGreaterThanOrEqual(0.5);
    else expect(score).toBeLessThan(0.5);
  });

  it('scores every real review page below 0.5', () => {
    const dirs = readdirSync(path.join(RAW, 'reviews'), { withFileTypes: true }).filter((d) => d.isDirectory()).slice(0, 30);
    for (const d of dirs) {
      for (const f of readdirSync(path.join(RAW, 'reviews', d.name))) {
        expect(detectDigest(read(`reviews/${d.name}/${f}`).slice(0, 65536)), `${d.name}/${f}`).toBeLessThan(0.5);
      }
    }
  });
});

describe('splitLinkLabels / cleanTitle', () => {
  it.each([
    ['Kosmos: 자율적 발견을 위한 AI 과학자 ( paper / demo )', 'Kosmos: 자율적 발견을 위한 AI 과학자', ['paper', 'demo']],
    ['에이전트적 조직의 시대 ( paper )', '에이전트적 조직의 시대', ['paper']],
    ['Title (paper, code)', 'Title', ['paper', 'code']],
    ['Title [Paper | Code | Weights]', 'Title', ['Paper', 'Code', 'Weights']],
    ['Title ( paper / weights / eval )', 'Title', ['paper', 'weights', 'eval']],
    ['제목 (논문 / 코드)', '제목', ['논문', '코드']],
    // parentheses that belong to the title stay
    ['연속 자기회귀 언어 모델(Continuous Autoregressive Language Models, CALM)', '연속 자기회귀 언어 모델(Continuous Autoregressive Language Models, CALM)', []],
    ['Attention Is All You Need (NeurIPS 2017)', 'Attention Is All You Need (NeurIPS 2017)', []],
    ['CALM (CALM)', 'CALM (CALM)', []],
    ['Diffusion (encoder decoder)', 'Diffusion (encoder decoder)', []],
    ['(paper)', '(paper)', []],
  ])('%s', (input, title, labels) => expect(splitLinkLabels(input)).toEqual({ title, labels }));

  it.each([
    ['1. Kimi Linear ( paper / code )', 'Kimi Linear'],
    ['#2 Kimi Linear', 'Kimi Linear'],
    ['① 견고한 수학적 추론', '견고한 수학적 추론'],
    ['1.5B model beats 7B', '1.5B model beats 7B'],
    ['3D Gaussian Splatting', '3D Gaussian Splatting'],
    ['Key results:', 'Key results'],
  ])('cleanTitle %s', (input, title) => expect(cleanTitle(input).title).toBe(title));
});

describe('itemSlug', () => {
  it.each([
    ['확산 언어 모델(Diffusion Language Models)은 뛰어난 데이터 학습자입니다', 'diffusion-language-models'],
    ['Kimi Linear: 표현력이 풍부하고 효율적인 어텐션 아키텍처(Attention Architecture)', 'kimi-linear-attention-architecture'],
    ['연속 자기회귀 언어 모델(Continuous Autoregressive Language Models, CALM)', 'continuous-autoregressive-language-models-calm'],
    ['Mem-α: memory', 'mem-alpha-memory'],
    // no Latin word: hash of the title
    ['견고한 수학적 추론을 향하여', /^item-[0-9a-f]{8}$/],
    ['컨텍스트 엔지니어링 2.0: 컨텍스트 엔지니어링의 컨텍스트', /^item-[0-9a-f]{8}$/],
  ])('%s', (title, expected) => {
    const slug = itemSlug(title);
    if (typeof expected === 'string') expect(slug).toBe(expected);
    else expect(slug).toMatch(expected);
    expect(slug).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
  });

  it('hash fallback differs between titles and is stable', () => {
    expect(itemSlug('가나다')).toBe(itemSlug('가나다'));
    expect(itemSlug('가나다')).not.toBe(itemSlug('가나라'));
  });
});

describe('inferNewsletterName', () => {
  it.each([
    [['LLM Watch를 읽어주셔서 감사합니다!'], 'LLM Watch'],
    [['Thanks for reading The Batch! Subscribe for free.'], 'The Batch'],
    [['Thank you for reading Import AI.'], 'Import AI'],
    [['Subscribe to Latent Space to get new posts.'], 'Latent Space'],
    [['Welcome to this week\'s issue of AI Papers Weekly.'], 'AI Papers Weekly'],
    // repeated across two non-research blocks
    [['이 코스와 Deep Learning Focus 같은 자료', '최신 소식은 Deep Learning Focus 에서'], 'Deep Learning Focus'],
    // once only, or single words: no name
    [['Towards AI의 코스를 수강하세요.', '지금 구독하세요.'], undefined],
    [['AI 분야', 'AI 동향'], undefined],
    [[], undefined],
  ])('%j → %s', (texts, name) => expect(inferNewsletterName(texts)).toBe(name));
});

describe('classifyBlock', () => {
  const base = { title: 'T', text: '', hasLinkLabels: false, linkTypes: [], atEdge: false };
  it.each([
    ['course advert', { text: '이 코스는 90개 레슨, 30일 환불 보장' }, false],
    ['english sponsor', { title: 'Sponsored by GPU Cloud', text: 'Sponsored by GPU Cloud. Train models faster with a discount.' }, false],
    ['research item with labels', { text: '새로운 모델이 벤치마크에서 우수한 성능', hasLinkLabels: true }, true],
    ['research item mentioning a course', { text: 'The paper studies online course recommendation; the model beats the baseline on a new benchmark.' }, true],
    ['call to action without title', { title: '', text: 'Subscribe to get more' }, false],
    ['untitled intro', { title: '', text: 'Hello readers' }, false],
    ['edge block, one promo word, no research', { text: 'Share it with a friend', atEdge: true }, false],
    ['edge block without any signal', { text: 'Hello and welcome', atEdge: true }, false],
    ['middle block without signal stays an item', { text: 'Hello and welcome' }, true],
    ['edge block with an arXiv link stays an item', { text: 'A result', atEdge: true, linkTypes: ['arxiv' as const] }, true],
  ])('%s', (_n, facts, research) => expect(classifyBlock({ ...base, ...facts }).research).toBe(research));
});

describe('parseIssueDate', () => {
  it.each([
    ['2025-11-07', { iso: '2025-11-07', precision: 'day' }],
    ['2025-11-07T09:30', { iso: '2025-11-07T09:30:00', precision: 'local' }],
    ['2025-11-07 09:30:15', { iso: '2025-11-07T09:30:15', precision: 'local' }],
    ['2025-11-07T09:30:00Z', { iso: '2025-11-07T09:30:00+00:00', precision: 'exact' }],
    ['2025-11-07T09:30:00.123+09:00', { iso: '2025-11-07T09:30:00+09:00', precision: 'exact' }],
    ['Fri, 07 Nov 2025 09:30:00 +0900', { iso: '2025-11-07T09:30:00+09:00', precision: 'exact' }],
    ['7 Nov 2025 09:30 GMT', { iso: '2025-11-07T09:30:00+00:00', precision: 'exact' }],
    ['2025-02-30', undefined],
    ['2025-13-01', undefined],
    ['next Friday', undefined],
  ])('%s', (input, out) => expect(parseIssueDate(input)).toEqual(out));
});

describe('guessLang', () => {
  it.each([
    ['확산 언어 모델(Diffusion Language Models)은 뛰어난 데이터 학습자입니다', 'ko'],
    ['Tiny recursive models beat LLMs', 'en'],
    ['작은 재귀 모델(Tiny Recursive Models)이 LLM을 이깁니다', 'ko'],
    // one Korean word in English prose is not Korean text
    ['Tiny recursive models beat LLMs on ARC (한국어)', 'en'],
    ['大規模言語モデルの推論', 'ja'],
    ['12345', 'und'],
  ])('%s → %s', (s, lang) => expect(guessLang(s)).toBe(lang));
});

describe('parse', () => {
  it('ids do not depend on item order', () => {
    const a: [string, string] = ['Kimi Linear ( paper )', '새로운 어텐션 모델입니다.'];
    const b: [string, string] = ['견고한 수학적 추론 ( paper )', '수학 벤치마크 연구입니다.'];
    const c: [string, string] = ['CALM ( paper / code )', '연속 벡터 모델입니다.'];
    const ids = (items: [string, string][]) => parse(digest(items)).records.map((r) => r.id).sort();
    expect(ids([a, b, c])).toEqual(ids([c, a, b]));
    const positions = parse(digest([c, a, b])).records.map((r) => [r.title, r.digest!.position]);
    expect(positions).toEqual([['CALM', 1], ['Kimi Linear', 2], ['견고한 수학적 추론', 3]]);
  });

  it('colliding slugs all take a title hash; identical titles are numbered and warned', () => {
    const r = parse(digest([
      ['GPT-5 평가 ( paper )', '모델 벤치마크 연구'],
      ['GPT-5 안전성 ( paper )', '모델 안전성 연구'],
      ['GPT-5 안전성 ( paper )', '같은 제목의 다른 연구'],
    ]));
    const ids = r.records.map((x) => x.id.split('/').pop());
    expect(ids[0]).toMatch(/^gpt-5-[0-9a-f]{8}$/);
    expect(ids[1]).toMatch(/^gpt-5-[0-9a-f]{8}$/);
    expect(ids[2]).toBe(`${ids[1]}-2`);
    expect(new Set(ids).size).toBe(3);
    expect(r.warnings.some((w) => w.message.includes('duplicate item title'))).toBe(true);
  });

  it('keeps money as text and math as math', () => {
    const r = parse(digest([['Costs ( paper )', 'From $100 and $200 to \\$300, while $E=mc^2$ holds and `$x$` is code.']]));
    const md = bodyToMarkdown(r.records[0]!.body);
    expect(md).toContain('\\$100 and \\$200 to \\$300');
    expect(md).toContain('$E=mc^2$');
    expect(md).toContain('`$x$`');
  });

  it('reads bold spans that CommonMark flanking would miss before Korean particles', () => {
    const r = parse(digest([['제목 ( paper )', '이를 **지능 교차점(Intelligence Crossover)**이라고 부르며 **"초고밀도" 연산**을 합니다.']]));
    expect(r.records[0]!.digest!.keyTerms).toEqual(['지능 교차점(Intelligence Crossover)', '"초고밀도" 연산']);
    expect(bodyToMarkdown(r.records[0]!.body)).not.toContain('\\*');
  });

  it('turns bold lines ending in a colon into headings, on any line of a paragraph', () => {
    const r = parse(digest([['제목 ( paper )', '도입 문단.\n**결과:**\n본문 하나.\n**강조된 줄**\n본문 둘.']]));
    const md = bodyToMarkdown(r.records[0]!.body);
    expect(md).toBe('도입 문단.\n\n### 결과\n\n본문 하나.\n**강조된 줄**\n본문 둘.\n');
    expect(r.records[0]!.digest!.keyTerms).toBeUndefined();
  });

  it('treats a --- line right under text as a separator, not a setext heading', () => {
    const r = parse('**A ( paper )**\n\nmodel text\n---\n**B ( paper )**\n\nmodel text\n---\n**구독** 구독하세요');
    expect(r.records.map((x) => x.title)).toEqual(['A', 'B']);
  });

  it('reads run-in titles set off by a dash, colon or bar, but not a bold sentence start', () => {
    const r = parse([
      '**Kimi Linear** — 새로운 어텐션 모델로 **KDA**를 도입합니다.',
      '**MemSearcher:** 에이전트 연구입니다. **Key results:** 좋음.',
      '**CALM** | 연속 벡터 모델 논문.',
      '**구독 ❤️** 이 기사가 유용하셨다면 구독해주세요.',
    ].join('\n\n* * *\n\n'));
    expect(r.records.map((x) => [x.title, bodyToMarkdown(x.body), x.digest!.keyTerms])).toEqual([
      ['Kimi Linear', '새로운 어텐션 모델로 **KDA**를 도입합니다.\n', ['KDA']],
      ['MemSearcher', '에이전트 연구입니다. **Key results:** 좋음.\n', undefined],
      ['CALM', '연속 벡터 모델 논문.\n', undefined],
    ]);
    expect(r.skipped).toHaveLength(1);
  });

  it('skips empty blocks between doubled rules without a trace', () => {
    const r = parse(digest([['Alpha ( paper )', 'model'], ['Beta ( paper )', 'model']]).replace('---', '---\n\n---'));
    expect(r.records).toHaveLength(2);
    expect(r.skipped).toHaveLength(1);
  });

  it('names file and line for malformed input', () => {
    const cases: [string, RegExp][] = [
      ['---\nnewsletter: X\n\n**A**\n', /^digest\.md \(line 1\): frontmatter opened by `---` is never closed/],
      ['---\nnewsletter: X\ndate: [a\n---\n**A**\n', /^digest\.md \(line 3\): invalid YAML in frontmatter/],
      // a rule that does not open a YAML key is no frontmatter: here, just an issue without items
      ['---\n- a\n- b\n---\n**A**\n', /^digest\.md \(line 2\): no research items/],
      [digest([['Big course sale', '코스 할인 환불']]), /^digest\.md \(line 1\): no research items in this digest/],
    ];
    for (const [text, message] of cases) {
      let err: unknown;
      try {
        parse(text);
      } catch (e) {
        err = e;
      }
      expect(err, text).toBeInstanceOf(IngestError);
      expect((err as Error).message).toMatch(message);
    }
  });

  it('warns about, and ignores, a frontmatter date it cannot read', () => {
    const r = parse(`---\nnewsletter: Weekly Papers\ndate: someday\n---\n\n${digest([['Tiny Models ( paper )', 'model']])}`);
    expect(r.records[0]!.date).toBeUndefined();
    expect(r.records[0]!.id).toBe('digests/weekly-papers/undated/tiny-models');
    expect(r.warnings).toContainEqual({ location: 'line 3', message: expect.stringContaining('someday') });
  });

  it('reports line numbers of the file, frontmatter included', () => {
    const r = parse(`---\nnewsletter: N\ndate: 2025-01-02\n---\n\n${digest([['Alpha ( paper )', 'model'], ['Beta ( paper )', 'model']])}`);
    expect(r.records.map((x) => x.provenance.location)).toEqual(['line 6', 'line 12']);
    // a one-letter name leaves too little for a slug: hashed key; an item date from the frontmatter
    expect(r.records.map((x) => x.id)).toEqual([expect.stringMatching(/^digests\/nl-[0-9a-f]{8}\/2025-01-02\/alpha$/), expect.stringMatching(/\/beta$/)]);
  });

  it('handles CRLF input like LF input', () => {
    const lf = digest([['Kimi Linear ( paper )', '모델 본문\n**결과:**\n값']]);
    expect(parse(lf.replace(/\n/g, '\r\n'))).toEqual(parse(lf));
  });

  it('parses the seed: ten items, sponsor and subscribe skipped, LLM Watch inferred', () => {
    const r = parse(SEED);
    expect(r.records).toHaveLength(10);
    expect(r.skipped.map((s) => s.location)).toEqual(['line 1', 'line 133']);
    expect(new Set(r.records.map((x) => x.origin.name))).toEqual(new Set(['LLM Watch']));
    expect(r.records.every((x) => /^digests\/llm-watch\/undated\/[a-z0-9-]+$/.test(x.id))).toBe(true);
  });
});

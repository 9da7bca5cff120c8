/**
 * Issue #4, points 3–4: the curation report and a person's edits to topic
 * files, end to end on a temporary project root (real detect → parse → link →
 * emit → ledger path, Telegram Desktop export as input):
 *   (a) the report lists a candidate; applying it links the sources to the new topic;
 *   (b) rename, (c) merge, (d) retype, (e) split a topic by editing files:
 *       the next ingest follows, and old URLs redirect.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { mkdir, mkdtemp, readdir, readFile, rename, rm, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ingest } from '../../src/pipeline/ingest.ts';
import {
  candidateFile,
  createCurationCollector,
  ingestWithCuration,
  promoteCandidates,
  reportJson,
  type Candidate,
} from '../../src/pipeline/curation.ts';
import { readTopics } from '../../src/pipeline/topics.ts';
import { topicMatcher } from '../../src/pipeline/ingest.ts';
import { blocksFromPlain, root as mdRoot } from '../../src/pipeline/util/mdast.ts';
import type { SourceRecord } from '../../src/pipeline/types.ts';
import { resultJson, type ExportPost } from '../helpers/telegram-exports.ts';

const topic = (kind: string, name: string, extra = '') => `---\nkind: ${kind}\nname: ${name}\n${extra}description: 테스트 주제.\n---\n`;

const TOPICS: Record<string, string> = {
  'techniques/mla.mdx': topic('techniques', 'Multi-head Latent Attention', 'aliases: [MLA]\n'),
  'techniques/kv-cache.mdx': topic('techniques', 'KV Cache', 'aliases: [KV 캐시]\n'),
  'techniques/key-value-cache.mdx': topic('techniques', 'Key-Value Cache'),
  'models/deepseek-v3.mdx': topic('models', 'DeepSeek-V3'),
  'models/flashattention.mdx': topic('models', 'FlashAttention'),
  'techniques/preference-optimization.mdx': topic('techniques', 'Preference Optimization', 'aliases: [DPO, KTO]\n'),
};

const T0 = 1_720_000_000;
const post = (id: number, text: string): ExportPost => ({ id, text, unix: T0 + id * 3600 });
const POSTS = [
  post(1, 'DeepSeek-V3는 MLA로 KV 캐시를 줄였다. Qwen3-Next-80B-A3B도 비슷한 길을 간다. #Speculative_Decoding'),
  post(2, 'Qwen3-Next 모델이 공개되었습니다. FlashAttention을 씁니다. #Speculative_Decoding'),
  post(3, '**Qwen3-Next**는 하이브리드 어텐션을 쓴다. DPO보다 KTO가 낫다는 결과. #Speculative_Decoding'),
  post(4, 'Key-Value Cache 압축 기법 정리. Multi-head Latent Attention 설명. #Speculative_Decoding'),
  post(5, '주말 읽을거리: Qwen2.5-7B 미세조정 후기.'),
];
const ID = (n: number) => `telegram/c1987654321/${n}`;

let roots: string[] = [];
afterEach(async () => {
  await Promise.all(roots.map((r) => rm(r, { recursive: true, force: true })));
  roots = [];
});

async function put(root: string, rel: string, text: string) {
  const file = path.join(root, rel);
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, text);
}

async function makeRoot(): Promise<string> {
  const root = await mkdtemp(path.join(tmpdir(), 'kb-curation-'));
  roots.push(root);
  for (const [rel, text] of Object.entries(TOPICS)) await put(root, `content/topics/${rel}`, text);
  await put(root, 'content/raw/telegram/ai-news/result.json', resultJson({ name: 'AI 뉴스', id: 1987654321 }, POSTS));
  return root;
}

const quiet = { log: () => {} };
const run = (root: string) => ingest({ root, ...quiet });

/** Every source id → the topic refs it mentions, and its body. */
async function sources(root: string): Promise<Map<string, { refs: string[]; body: string }>> {
  const out = new Map<string, { refs: string[]; body: string }>();
  const dir = path.join(root, 'content/sources');
  for (const rel of (await readdir(dir, { recursive: true })).sort()) {
    if (!rel.endsWith('.mdx')) continue;
    const text = await readFile(path.join(dir, rel), 'utf8');
    const id = /^id: (.*)$/m.exec(text)![1]!;
    const mentions = JSON.parse(/^mentions: (.*)$/m.exec(text)?.[1] ?? '[]') as { ref: string }[];
    out.set(JSON.parse(id) as string, { refs: mentions.map((m) => m.ref), body: text.slice(text.indexOf('\n---\n', 4)) });
  }
  return out;
}
const redirects = async (root: string) => JSON.parse(await readFile(path.join(root, 'content/redirects.json'), 'utf8')) as Record<string, string>;
const mentioning = (s: Map<string, { refs: string[] }>, ref: string) => [...s].filter(([, v]) => v.refs.includes(ref)).map(([id]) => id);

describe('curation report', () => {
  it('(a) lists a recurring model name as a candidate; applying it links the sources to the new topic', async () => {
    const root = await makeRoot();
    const first = await ingestWithCuration({ root, ...quiet, promote: 'none', writeReport: true });
    const qwen = first.report.candidates.find((c) => c.name === 'Qwen3-Next');
    expect(qwen).toMatchObject({ kind: 'models', slug: 'qwen3-next', sources: 3, status: 'auto', examples: [ID(1), ID(2), ID(3)] });
    expect(qwen!.signals).toMatchObject({ model: 3, bold: 1 });
    // `Qwen2.5-7B` (as `Qwen2.5`) is in one source only: below the report threshold.
    expect(first.report.candidates.find((c) => c.name === 'Qwen2.5')).toBeUndefined();
    const tag = first.report.candidates.find((c) => c.name === 'Speculative Decoding');
    expect(tag).toMatchObject({ kind: 'techniques', sources: 4, status: 'auto', signals: { tag: 4 } });
    expect(mentioning(await sources(root), 'models/qwen3-next')).toEqual([]);

    // The report file is deterministic: the same input gives the same bytes.
    const json = await readFile(path.join(root, 'content/curation-report.json'), 'utf8');
    expect(JSON.parse(json)).toEqual(JSON.parse(reportJson(first.report)));
    await ingestWithCuration({ root, ...quiet, promote: 'none', writeReport: true });
    expect(await readFile(path.join(root, 'content/curation-report.json'), 'utf8')).toBe(json);

    // Apply: the same path as `npm run ingest` (strong candidates are promoted; the next ingest links them).
    const second = await ingestWithCuration({ root, ...quiet, promote: 'auto' });
    expect(second.promoted).toEqual(['techniques/speculative-decoding', 'models/qwen3-next']); // report order: most sources first
    expect(mentioning(await sources(root), 'models/qwen3-next')).toEqual([]);
    await ingestWithCuration({ root, ...quiet, promote: 'auto' });
    const file = await readFile(path.join(root, 'content/topics/models/qwen3-next.mdx'), 'utf8');
    expect(file).toContain('status: candidate');
    expect(file).toContain('name: "Qwen3-Next"');
    const topics = await readTopics(path.join(root, 'content/topics'));
    expect(topics.find((t) => t.ref === 'models/qwen3-next')?.data.status).toBe('candidate');
    const after = await sources(root);
    expect(mentioning(after, 'models/qwen3-next')).toEqual([ID(1), ID(2), ID(3)]);
    expect(after.get(ID(2))!.body).toContain('[Qwen3-Next](/models/qwen3-next/)');
    // The tag candidate became a topic too (the body's `#Speculative_Decoding` is a hashtag, not a mention).
    expect(topics.find((t) => t.ref === 'techniques/speculative-decoding')?.data.name).toBe('Speculative Decoding');

    // Covered now: no longer a candidate.
    const third = await ingestWithCuration({ root, ...quiet, promote: 'auto' });
    expect(third.promoted).toEqual([]);
    expect(third.report.candidates.find((c) => c.name === 'Qwen3-Next')).toBeUndefined();
  });

  it('never overwrites a file, and never re-creates a candidate a person deleted', async () => {
    const root = await makeRoot();
    await put(root, 'content/topics/models/qwen3-next.mdx', topic('models', 'Qwen3 Next (hand-written)', 'aliases: [Qwen3 Next Preview]\n'));
    const handWritten = await readFile(path.join(root, 'content/topics/models/qwen3-next.mdx'), 'utf8');
    const first = await ingestWithCuration({ root, ...quiet, promote: 'auto' });
    expect(first.report.candidates.find((c) => c.name === 'Qwen3-Next')?.status).toBe('taken');
    expect(await readFile(path.join(root, 'content/topics/models/qwen3-next.mdx'), 'utf8')).toBe(handWritten);

    // The person deletes both files; the ledger remembers them, so they stay deleted.
    await unlink(path.join(root, 'content/topics/models/qwen3-next.mdx'));
    await unlink(path.join(root, 'content/topics/techniques/speculative-decoding.mdx'));
    const second = await ingestWithCuration({ root, ...quiet, promote: 'ready' });
    expect(second.promoted).toEqual([]);
    expect(second.report.candidates.find((c) => c.name === 'Qwen3-Next')?.status).toBe('removed');
    expect(second.report.candidates.find((c) => c.name === 'Speculative Decoding')?.status).toBe('removed');
  });

  it('writes a valid topic file for a candidate, Korean name and aliases included', async () => {
    const c: Candidate = {
      name: 'Large Language Model',
      nameKo: '대규모 언어 모델',
      aliases: ['Large Language Models', 'LLM', 'LLMs', 'say "hi": {x}'],
      kind: 'techniques',
      slug: 'large-language-model',
      sources: 9,
      signals: { tag: 5 },
      examples: [],
      status: 'auto',
    };
    const root = await mkdtemp(path.join(tmpdir(), 'kb-curation-'));
    roots.push(root);
    await put(root, 'content/topics/techniques/large-language-model.mdx', candidateFile(c));
    const [t] = await readTopics(path.join(root, 'content/topics'));
    expect(t!.data).toMatchObject({ name: c.name, nameKo: c.nameKo, aliases: c.aliases, status: 'candidate', kind: 'techniques' });
  });

  it('folds an acronym given with its long form into one candidate, singular name, plural kept as alias', () => {
    const collector = createCurationCollector({ reportMin: 2 });
    collector.topics!([], topicMatcher([]));
    const rec = (id: string, tags: string[], text: string) =>
      ({ id, kind: 'review', format: 'review-flight', title: id, origin: { name: 'x' }, links: [], tags, lang: 'ko', body: mdRoot(blocksFromPlain(text)), provenance: { file: id, location: '' } }) as unknown as SourceRecord;
    collector.record(rec('r1', ['Large Language Models (LLMs)'], '본문.'), []);
    collector.record(rec('r2', ['LLMs'], '본문.'), []);
    collector.record(rec('r3', ['Review'], 'LLMs는 크다.'), []);
    // The same id again (a preferred copy of r3): counted once.
    collector.record(rec('r3', ['Review'], 'LLMs는 정말 크다.'), []);
    const report = collector.report();
    expect(report.sources).toBe(3);
    expect(report.candidates).toEqual([
      expect.objectContaining({ name: 'Large Language Model', aliases: ['Large Language Models', 'LLMs'], sources: 3, signals: { tag: 2, text: 1 } }),
    ]);
  });

  it('flags aliases used as ordinary English words, and alias conflicts', async () => {
    const root = await mkdtemp(path.join(tmpdir(), 'kb-curation-'));
    roots.push(root);
    await put(root, 'content/topics/techniques/transformer.mdx', topic('techniques', 'Transformer'));
    await put(root, 'content/topics/infra/power-transformer.mdx', topic('infra', 'Power Transformer', 'aliases: [XFMR]\n'));
    await put(root, 'content/topics/infra/xfmr-unit.mdx', topic('infra', 'XFMR Unit', 'aliases: [XFMR]\n'));
    const topics = await readTopics(path.join(root, 'content/topics'));
    const collector = createCurationCollector();
    collector.topics!(topics, topicMatcher(topics));
    const rec = (id: string, text: string) =>
      ({ id, kind: 'telegram', format: 'telegram-json', title: id, origin: { name: 'x' }, links: [], tags: [], lang: 'en', body: mdRoot(blocksFromPlain(text)), provenance: { file: id, location: '' } }) as unknown as SourceRecord;
    collector.record(rec('a', 'the grid needs a new transformer at the substation'), []);
    collector.record(rec('b', 'we replaced the transformer last week'), []);
    collector.record(rec('c', 'The Transformer architecture changed NLP.'), []);
    const { ambiguousAliases } = collector.report();
    expect(ambiguousAliases).toEqual([
      { form: 'xfmr', refs: ['infra/power-transformer', 'infra/xfmr-unit'], reason: 'conflict' },
      { form: 'Transformer', refs: ['techniques/transformer'], reason: 'common-word', lowercaseInProse: 2, capitalised: 1 },
    ]);
  });
});

describe('a person edits topic files; the next ingest follows and old URLs redirect', () => {
  const dir = (root: string) => path.join(root, 'content/topics');

  it('(b) rename: mla.mdx → multi-head-latent-attention.mdx', async () => {
    const root = await makeRoot();
    await run(root);
    expect(mentioning(await sources(root), 'techniques/mla')).toEqual([ID(1), ID(4)]);
    await rename(path.join(dir(root), 'techniques/mla.mdx'), path.join(dir(root), 'techniques/multi-head-latent-attention.mdx'));
    await run(root);
    const s = await sources(root);
    expect(mentioning(s, 'techniques/mla')).toEqual([]);
    expect(mentioning(s, 'techniques/multi-head-latent-attention')).toEqual([ID(1), ID(4)]);
    expect(s.get(ID(1))!.body).toContain('[MLA](/techniques/multi-head-latent-attention/)');
    expect(s.get(ID(1))!.body).not.toContain('/techniques/mla/');
    expect((await redirects(root))['/techniques/mla/']).toBe('/techniques/multi-head-latent-attention/');
  });

  it('(c) merge: delete Key-Value Cache, add its name to KV Cache', async () => {
    const root = await makeRoot();
    await run(root);
    expect(mentioning(await sources(root), 'techniques/key-value-cache')).toEqual([ID(4)]);
    await unlink(path.join(dir(root), 'techniques/key-value-cache.mdx'));
    await writeFile(path.join(dir(root), 'techniques/kv-cache.mdx'), topic('techniques', 'KV Cache', 'aliases: [KV 캐시, Key-Value Cache]\n'));
    await run(root);
    const s = await sources(root);
    expect(mentioning(s, 'techniques/key-value-cache')).toEqual([]);
    expect(mentioning(s, 'techniques/kv-cache')).toEqual([ID(1), ID(4)]);
    expect((await redirects(root))['/techniques/key-value-cache/']).toBe('/techniques/kv-cache/');
  });

  it('(d) retype: models/flashattention → techniques/flashattention', async () => {
    const root = await makeRoot();
    await run(root);
    expect(mentioning(await sources(root), 'models/flashattention')).toEqual([ID(2)]);
    await unlink(path.join(dir(root), 'models/flashattention.mdx'));
    await put(root, 'content/topics/techniques/flashattention.mdx', topic('techniques', 'FlashAttention'));
    await run(root);
    const s = await sources(root);
    expect(mentioning(s, 'models/flashattention')).toEqual([]);
    expect(mentioning(s, 'techniques/flashattention')).toEqual([ID(2)]);
    expect(s.get(ID(2))!.body).toContain('](/techniques/flashattention/)');
    expect((await redirects(root))['/models/flashattention/']).toBe('/techniques/flashattention/');
  });

  it('(e) split: Preference Optimization → DPO and KTO, the old URL kept by redirectFrom', async () => {
    const root = await makeRoot();
    await run(root);
    expect(mentioning(await sources(root), 'techniques/preference-optimization')).toEqual([ID(3)]);
    await unlink(path.join(dir(root), 'techniques/preference-optimization.mdx'));
    await put(root, 'content/topics/techniques/dpo.mdx', topic('techniques', 'DPO', 'aliases: [Direct Preference Optimization]\nredirectFrom: [preference-optimization]\n'));
    await put(root, 'content/topics/techniques/kto.mdx', topic('techniques', 'KTO'));
    await run(root);
    const s = await sources(root);
    expect(mentioning(s, 'techniques/preference-optimization')).toEqual([]);
    expect(mentioning(s, 'techniques/dpo')).toEqual([ID(3)]);
    expect(mentioning(s, 'techniques/kto')).toEqual([ID(3)]);
    expect(s.get(ID(3))!.body).toContain('[DPO](/techniques/dpo/)');
    expect(s.get(ID(3))!.body).toContain('[KTO](/techniques/kto/)');
    expect((await redirects(root))['/techniques/preference-optimization/']).toBe('/techniques/dpo/');
  });
});

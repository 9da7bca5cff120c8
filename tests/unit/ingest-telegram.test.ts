/**
 * The whole ingest on a temporary project root, with Telegram Desktop exports
 * as people actually feed them: a newer export of the same channel replacing
 * an older one, the same input twice, a truncated file, hand edits, more
 * channels added later (issue 3, points 4–6). Permalinks are promises: no test
 * here tolerates an existing source id or file changing without cause.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ingest, type IngestSummary } from '../../src/pipeline/ingest.ts';
import { IngestError } from '../../src/pipeline/types.ts';
import { messagesHtml, resultJson, wallTime, type ExportChat, type ExportPost } from '../helpers/telegram-exports.ts';

const REPO = path.resolve(import.meta.dirname, '../..');

const TOPICS: Record<string, string> = {
  'models/gpt-4.mdx': '---\nkind: models\nname: GPT-4\naliases: [GPT4]\ndescription: OpenAI의 대형 언어 모델.\n---\n',
  'techniques/transformer.mdx': '---\nkind: techniques\nname: Transformer\nnameKo: 트랜스포머\ndescription: 어텐션 기반 신경망 구조.\n---\n',
  'infra/h100.mdx': '---\nkind: infra\nname: H100\naliases: [NVIDIA H100]\ndescription: NVIDIA의 데이터센터 GPU.\n---\n',
  'policy/gdpr.mdx': '---\nkind: policy\nname: GDPR\ndescription: EU 일반 개인정보 보호 규정.\n---\n',
};

const T0 = 1_720_000_000; // 2024-07-03, an hour between posts: nothing groups into albums or split posts.
const post = (id: number, text: string, extra: Partial<ExportPost> = {}): ExportPost => ({ id, text, unix: T0 + id * 3600, ...extra });

const POSTS: Record<number, ExportPost> = {
  1: post(1, '**GPT-4** 기술 보고서 요약: 멀티모달 입력을 지원합니다. [논문](https://arxiv.org/abs/2303.08774) #LLM'),
  2: post(2, '트랜스포머 구조를 그림으로 정리했습니다.', { photo: 'photos/photo_2@03-07-2024_19-06-40.jpg' }),
  3: post(3, 'H100 클러스터 임대 가격이 내려가고 있습니다 📉', { reactions: [{ emoji: '👍', count: 12 }, { emoji: '🔥', count: 3 }] }),
  4: post(4, 'GDPR 관련 새 지침이 나왔습니다.'),
  5: post(5, '지난 글 참고: https://t.me/ai_news_ko/3 추가 설명은 댓글로.'),
  6: post(6, 'مرحبا! 새 벤치마크 결과 공유 🎉'),
  7: post(7, 'GPT4 후속 모델 루머 정리 #루머'),
  8: post(8, '주말 읽을거리: [블로그](https://example.com/weekend) 😀'),
};
const EDITED_4 = post(4, 'GDPR 관련 새 지침이 나왔습니다. 수정: 시행일은 2025년 1월입니다.', { edited: T0 + 9 * 3600 });

const CHAT: ExportChat = { name: 'AI 뉴스 🤖', id: 1987654321 };
const pick = (ids: number[], replace: Record<number, ExportPost> = {}) => ids.map((i) => replace[i] ?? POSTS[i]!);

let roots: string[] = [];
afterEach(async () => {
  await Promise.all(roots.map((r) => rm(r, { recursive: true, force: true })));
  roots = [];
});

async function makeRoot(): Promise<string> {
  const root = await mkdtemp(path.join(tmpdir(), 'kb-ingest-'));
  roots.push(root);
  for (const [rel, text] of Object.entries(TOPICS)) await put(root, `content/topics/${rel}`, text);
  await mkdir(path.join(root, 'content/raw'), { recursive: true });
  return root;
}

async function put(root: string, rel: string, text: string): Promise<void> {
  const file = path.join(root, rel);
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, text);
}

const quiet = { log: () => {} };
const run = (root: string): Promise<IngestSummary> => ingest({ root, ...quiet });

interface Snap {
  hash: string;
  mtimeMs: number;
  text: string;
}

/** Every file under `dir` (dot-folders included: a left-over `.staging-*` must show). */
async function snapshot(dir: string): Promise<Map<string, Snap>> {
  const out = new Map<string, Snap>();
  async function walk(d: string) {
    let entries;
    try {
      entries = await readdir(d, { withFileTypes: true });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return;
      throw e;
    }
    for (const e of entries) {
      const abs = path.join(d, e.name);
      if (e.isDirectory()) await walk(abs);
      else {
        const buf = await readFile(abs);
        out.set(path.relative(dir, abs).split(path.sep).join('/'), {
          hash: createHash('sha256').update(buf).digest('hex'),
          mtimeMs: (await stat(abs)).mtimeMs,
          text: buf.toString('utf8'),
        });
      }
    }
  }
  await walk(dir);
  return out;
}

const sourcesOf = (snap: Map<string, Snap>) => new Map([...snap].filter(([k]) => k.startsWith('sources/')));
const source = (root: string, id: string) => readFile(path.join(root, 'content/sources', `${id}.mdx`), 'utf8');
const hashes = (snap: Map<string, Snap>) => Object.fromEntries([...snap].map(([k, v]) => [k, v.hash]));

function expectKeptExactly(before: Map<string, Snap>, after: Map<string, Snap>, key: string) {
  expect(after.get(key), `${key} still there`).toBeDefined();
  expect(after.get(key)!.hash, `${key} bytes`).toBe(before.get(key)!.hash);
  expect(after.get(key)!.mtimeMs, `${key} not rewritten`).toBe(before.get(key)!.mtimeMs);
}

async function noStaging(root: string) {
  const names = await readdir(path.join(root, 'content'));
  expect(names.filter((n) => n.startsWith('.staging'))).toEqual([]);
}

describe('re-ingesting a newer export of the same channel (JSON)', () => {
  const JSON_DIR = 'content/raw/telegram/ai-news';

  it('keeps posts that left the export window, updates the edited post, adds new ones, moves nothing', async () => {
    const root = await makeRoot();
    // The export replaces the old one in place (same path).
    await put(root, `${JSON_DIR}/result.json`, resultJson(CHAT, pick([1, 2, 3, 4, 5])));
    const first = await run(root);
    expect(first.outcomes).toMatchObject({ created: 5, updated: 0 });
    const s1 = await snapshot(path.join(root, 'content'));
    const ids1 = [...sourcesOf(s1).keys()].sort();
    expect(ids1).toEqual([1, 2, 3, 4, 5].map((n) => `sources/telegram/ai-news-ko/${n}.mdx`));

    await new Promise((r) => setTimeout(r, 20)); // mtimes must be able to differ
    await put(root, `${JSON_DIR}/result.json`, resultJson(CHAT, pick([3, 4, 5, 6, 7, 8], { 4: EDITED_4 }), [2]));
    const second = await run(root);
    const s2 = await snapshot(path.join(root, 'content'));

    expect(second.outcomes).toEqual({ created: 3, updated: 1, unchanged: 2, 'kept-human-edit': 0 });
    for (const n of [1, 2, 3, 5]) expectKeptExactly(s1, s2, `sources/telegram/ai-news-ko/${n}.mdx`);
    expect(second.orphans.sort()).toEqual(['telegram/ai-news-ko/1.mdx', 'telegram/ai-news-ko/2.mdx']);

    const four = s2.get('sources/telegram/ai-news-ko/4.mdx')!.text;
    expect(four).toContain('시행일은 2025년 1월');
    expect(four).toContain(`"edited":{"iso":"${wallTime(EDITED_4.edited!, 9)}+09:00","precision":"exact"}`);
    expect(four).toContain('/policy/gdpr/'); // still linked to its topic
    for (const n of [6, 7, 8]) expect(s2.has(`sources/telegram/ai-news-ko/${n}.mdx`)).toBe(true);
    // The pin service message (id 2 in the new export's numbering of events) never becomes a source.
    expect(s2.get('sources/telegram/ai-news-ko/2.mdx')!.hash).toBe(s1.get('sources/telegram/ai-news-ko/2.mdx')!.hash);

    // No existing id or path changed; topic URLs and redirects untouched.
    for (const id of ids1) expect(s2.has(id)).toBe(true);
    expectKeptExactly(s1, s2, 'permalinks.json');
    expectKeptExactly(s1, s2, 'redirects.json');
    await noStaging(root);
  });

  it('a newer export in its own ChatExport_<date> folder next to the old one: the newer edit wins', async () => {
    const root = await makeRoot();
    await put(root, 'content/raw/telegram/ChatExport_2024-07-04/result.json', resultJson(CHAT, pick([1, 2, 3, 4, 5])));
    await run(root);
    const s1 = await snapshot(path.join(root, 'content'));
    await put(root, 'content/raw/telegram/ChatExport_2024-08-01/result.json', resultJson(CHAT, pick([3, 4, 5, 6, 7, 8], { 4: EDITED_4 })));
    const second = await run(root);
    const s2 = await snapshot(path.join(root, 'content'));
    // The same post in both exports: the old file path sorts first and wins the tie, so 3 and 5 stay byte-identical.
    for (const n of [1, 2, 3, 5]) expectKeptExactly(s1, s2, `sources/telegram/ai-news-ko/${n}.mdx`);
    expect(s2.get('sources/telegram/ai-news-ko/4.mdx')!.text).toContain('시행일은 2025년 1월');
    expect(second.outcomes).toEqual({ created: 3, updated: 1, unchanged: 4, 'kept-human-edit': 0 });
    for (const k of sourcesOf(s1).keys()) expect(s2.has(k)).toBe(true);
  });

  it('an export moved to a new folder (the old one deleted) rewrites only what changed, not mere provenance', async () => {
    const root = await makeRoot();
    await put(root, 'content/raw/telegram/ChatExport_2024-07-04/result.json', resultJson(CHAT, pick([1, 2, 3, 4, 5])));
    await run(root);
    const s1 = await snapshot(path.join(root, 'content'));
    await new Promise((r) => setTimeout(r, 20));
    await rm(path.join(root, 'content/raw/telegram/ChatExport_2024-07-04'), { recursive: true });
    await put(root, 'content/raw/telegram/ChatExport_2024-08-01/result.json', resultJson(CHAT, pick([3, 4, 5, 6, 7, 8], { 4: EDITED_4 })));
    const second = await run(root);
    const s2 = await snapshot(path.join(root, 'content'));
    expect(second.outcomes).toEqual({ created: 3, updated: 1, unchanged: 2, 'kept-human-edit': 0 });
    for (const n of [1, 2, 3, 5]) expectKeptExactly(s1, s2, `sources/telegram/ai-news-ko/${n}.mdx`);
    expect(s2.get('sources/telegram/ai-news-ko/4.mdx')!.text).toMatch(/^provenance: .*ChatExport_2024-08-01\/result\.json/m);
  });
});

describe('re-ingesting a newer export of the same channel (HTML)', () => {
  const DIR = 'content/raw/telegram/ml-digest';
  const TITLE = 'ML 다이제스트';

  async function writeHtmlExport(root: string, posts: ExportPost[]) {
    await rm(path.join(root, DIR), { recursive: true, force: true });
    await put(root, `${DIR}/channel.yaml`, 'username: ml_digest_ko\n');
    // Two pages, as tdesktop splits long histories: page order is numeric.
    const half = Math.ceil(posts.length / 2);
    await put(root, `${DIR}/messages.html`, messagesHtml(TITLE, posts.slice(0, half)));
    await put(root, `${DIR}/messages2.html`, messagesHtml(TITLE, posts.slice(half)));
  }

  it('keeps old posts, updates the changed one, adds new ones, moves nothing', async () => {
    const root = await makeRoot();
    await writeHtmlExport(root, pick([1, 2, 3, 4, 5]));
    const first = await run(root);
    expect(first.outcomes.created).toBe(5);
    const s1 = await snapshot(path.join(root, 'content'));
    expect([...sourcesOf(s1).keys()].sort()).toEqual([1, 2, 3, 4, 5].map((n) => `sources/telegram/ml-digest-ko/${n}.mdx`));

    await new Promise((r) => setTimeout(r, 20));
    await writeHtmlExport(root, pick([3, 4, 5, 6, 7, 8], { 4: EDITED_4 }));
    const second = await run(root);
    const s2 = await snapshot(path.join(root, 'content'));
    expect(second.outcomes).toEqual({ created: 3, updated: 1, unchanged: 2, 'kept-human-edit': 0 });
    for (const n of [1, 2, 3, 5]) expectKeptExactly(s1, s2, `sources/telegram/ml-digest-ko/${n}.mdx`);
    expect(s2.get('sources/telegram/ml-digest-ko/4.mdx')!.text).toContain('시행일은 2025년 1월');
    for (const n of [6, 7, 8]) expect(s2.get(`sources/telegram/ml-digest-ko/${n}.mdx`)!.text).toContain('"channel":"ml_digest_ko"');
    expectKeptExactly(s1, s2, 'permalinks.json');
    expectKeptExactly(s1, s2, 'redirects.json');
  });
});

/** A root with every kind of input: JSON + HTML exports, a digest and a review (real seed/review files). */
async function mixedRoot(): Promise<string> {
  const root = await makeRoot();
  await put(root, 'content/raw/telegram/ai-news/result.json', resultJson(CHAT, pick([1, 2, 3, 4, 5])));
  await put(root, 'content/raw/telegram/ml-digest/channel.yaml', 'username: ml_digest_ko\n');
  await put(root, 'content/raw/telegram/ml-digest/messages.html', messagesHtml('ML 다이제스트', pick([6, 7, 8])));
  await cp(path.join(REPO, 'tests/fixtures/digest-markdown/seed-002-llm-watch'), path.join(root, 'content/raw/digests/llm-watch'), {
    recursive: true,
    filter: (src) => !src.endsWith('expected.json'),
  });
  await cp(path.join(REPO, 'content/raw/reviews/2025-9-23-Mano_Report'), path.join(root, 'content/raw/reviews/2025-9-23-Mano_Report'), { recursive: true });
  return root;
}

describe('idempotence', () => {
  it('the same input twice gives byte-identical files and touches none', async () => {
    const root = await mixedRoot();
    const first = await run(root);
    expect(first.files.map((f) => f.format).filter(Boolean).sort()).toEqual(['digest-markdown', 'review-flight', 'telegram-html', 'telegram-json']);
    const s1 = await snapshot(path.join(root, 'content'));
    expect(sourcesOf(s1).size).toBeGreaterThan(8);
    await new Promise((r) => setTimeout(r, 20));
    const second = await run(root);
    const s2 = await snapshot(path.join(root, 'content'));
    expect(second.outcomes).toEqual({ created: 0, updated: 0, unchanged: first.records, 'kept-human-edit': 0 });
    expect(hashes(s2)).toEqual(hashes(s1));
    for (const k of s1.keys()) expect(s2.get(k)!.mtimeMs, k).toBe(s1.get(k)!.mtimeMs);
  });
});

describe('malformed input', () => {
  const truncated = () => {
    const full = resultJson(CHAT, pick([1, 2, 3, 4, 5, 6]));
    return full.slice(0, full.indexOf('"id": 5'));
  };

  it('a truncated result.json stops the ingest, names file and place, and leaves content/ exactly as it was', async () => {
    const root = await mixedRoot();
    await run(root);
    const before = await snapshot(path.join(root, 'content'));
    await put(root, 'content/raw/telegram/broken/ChatExport_2024-09-01/result.json', truncated());
    const snapWithBroken = await snapshot(path.join(root, 'content'));

    const err = await run(root).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(IngestError);
    const message = (err as IngestError).message;
    expect(message).toContain('telegram/broken/ChatExport_2024-09-01/result.json');
    expect(message).toMatch(/near byte \d+, line \d+/);
    expect(message).toContain('last complete message id: 4');
    expect(message).toMatch(/nothing was written/);

    expect(hashes(await snapshot(path.join(root, 'content')))).toEqual(hashes(snapWithBroken));
    const after = await snapshot(path.join(root, 'content'));
    for (const k of before.keys()) expect(after.get(k)!.mtimeMs, k).toBe(before.get(k)!.mtimeMs);
    await noStaging(root);
  });

  it('on a first ingest, nothing at all is created', async () => {
    const root = await mixedRoot();
    await put(root, 'content/raw/telegram/broken/result.json', truncated());
    const before = await snapshot(path.join(root, 'content'));
    await expect(run(root)).rejects.toThrow(/telegram\/broken\/result\.json \(near byte \d+, line \d+, after message 4\)/);
    expect(hashes(await snapshot(path.join(root, 'content')))).toEqual(hashes(before));
    expect(await readdir(path.join(root, 'content')).then((n) => n.sort())).toEqual(['raw', 'topics']);
  });
});

describe('hand edits', () => {
  it('a generated entry a person edited is kept on re-ingest, also when its post changed upstream', async () => {
    const root = await makeRoot();
    const rel = 'content/raw/telegram/ai-news/result.json';
    await put(root, rel, resultJson(CHAT, pick([1, 2, 3, 4, 5])));
    await run(root);
    const file = path.join(root, 'content/sources/telegram/ai-news-ko/4.mdx');
    const edited = (await readFile(file, 'utf8')).replace('새 지침이 나왔습니다.', '새 지침이 나왔습니다. (편집자 주: 원문 링크 추가 예정)');
    await writeFile(file, edited);

    const again = await run(root);
    expect(again.outcomes['kept-human-edit']).toBe(1);
    expect(again.keptHumanEdits).toEqual(['telegram/ai-news-ko/4.mdx']);
    expect(await readFile(file, 'utf8')).toBe(edited);

    await put(root, rel, resultJson(CHAT, pick([3, 4, 5, 6], { 4: EDITED_4 })));
    const third = await run(root);
    expect(third.keptHumanEdits).toEqual(['telegram/ai-news-ko/4.mdx']);
    expect(await readFile(file, 'utf8')).toBe(edited);
  });
});

describe('adding content', () => {
  it('a second channel and a digest change no existing source or topic URL', async () => {
    const root = await makeRoot();
    await put(root, 'content/raw/telegram/ai-news/result.json', resultJson(CHAT, pick([1, 2, 3, 4, 5])));
    await cp(path.join(REPO, 'content/raw/reviews/2025-9-23-Mano_Report'), path.join(root, 'content/raw/reviews/2025-9-23-Mano_Report'), { recursive: true });
    await run(root);
    const s1 = await snapshot(path.join(root, 'content'));

    // A second channel whose post numbers collide with the first's, and a digest.
    const other: ExportChat = { name: 'LLM 연구 노트', id: 1555000111 };
    await put(
      root,
      'content/raw/telegram/llm-notes/result.json',
      resultJson(other, [
        post(3, 'Transformer 변형 정리: https://t.me/llm_notes/4 참고', { unix: T0 + 50 }),
        post(4, 'H100 대신 B200? 한국어로 정리 🇰🇷', { unix: T0 + 9000 }),
        post(5, 'NVIDIA H100 재고 현황', { unix: T0 + 20000 }),
      ]),
    );
    await cp(path.join(REPO, 'tests/fixtures/digest-markdown/seed-002-llm-watch'), path.join(root, 'content/raw/digests/llm-watch'), {
      recursive: true,
      filter: (src) => !src.endsWith('expected.json'),
    });
    const second = await run(root);
    const s2 = await snapshot(path.join(root, 'content'));

    for (const k of sourcesOf(s1).keys()) expectKeptExactly(s1, s2, k);
    expectKeptExactly(s1, s2, 'permalinks.json');
    expectKeptExactly(s1, s2, 'redirects.json');
    const added = [...sourcesOf(s2).keys()].filter((k) => !s1.has(k));
    expect(added.filter((k) => k.startsWith('sources/telegram/'))).toEqual([3, 4, 5].map((n) => `sources/telegram/llm-notes/${n}.mdx`));
    expect(added.some((k) => k.startsWith('sources/digests/'))).toBe(true);
    expect(second.outcomes.updated).toBe(0);
    expect(await source(root, 'telegram/ai-news-ko/3')).toContain('"channel":"ai_news_ko"');
  });
});

describe('a channel keeps its permalink key across exports', () => {
  const ids = async (root: string) =>
    (await readdir(path.join(root, 'content/sources/telegram'), { recursive: true })).filter((f) => String(f).endsWith('.mdx')).map(String).sort();

  it('when a later export reveals the username, posts stay under the chat-id key', async () => {
    const root = await makeRoot();
    // Posts 1, 2, 4: no post links to another post of this export, so no username is known.
    await put(root, 'content/raw/telegram/ChatExport_2024-07-03/result.json', resultJson(CHAT, pick([1, 2, 4])));
    await run(root);
    expect(await ids(root)).toEqual(['c1987654321/1.mdx', 'c1987654321/2.mdx', 'c1987654321/4.mdx']);
    // The newer export has post 5 linking t.me/ai_news_ko/3 with post 3 present: the username is now inferable.
    await put(root, 'content/raw/telegram/ChatExport_2024-07-03/result.json', resultJson(CHAT, pick([1, 2, 3, 4, 5])));
    await run(root);
    expect(await ids(root)).toEqual(['c1987654321/1.mdx', 'c1987654321/2.mdx', 'c1987654321/3.mdx', 'c1987654321/4.mdx', 'c1987654321/5.mdx']);
    const five = await readFile(path.join(root, 'content/sources/telegram/c1987654321/5.mdx'), 'utf8');
    expect(five).toContain('url: "https://t.me/ai_news_ko/5"'); // the original's link still uses the username
    expect(JSON.parse(await readFile(path.join(root, 'content/telegram-channels.json'), 'utf8'))).toEqual({ '1987654321': 'c1987654321' });
  });

  it('when a later export no longer reveals it, posts stay under the username key', async () => {
    const root = await makeRoot();
    await put(root, 'content/raw/telegram/ChatExport_2024-07-03/result.json', resultJson(CHAT, pick([1, 2, 3, 4, 5])));
    await run(root);
    expect(await ids(root)).toEqual(['ai-news-ko/1.mdx', 'ai-news-ko/2.mdx', 'ai-news-ko/3.mdx', 'ai-news-ko/4.mdx', 'ai-news-ko/5.mdx']);
    await put(root, 'content/raw/telegram/ChatExport_2024-07-03/result.json', resultJson(CHAT, pick([6, 7, 8])));
    await run(root);
    expect(await ids(root)).toEqual(['ai-news-ko/1.mdx', 'ai-news-ko/2.mdx', 'ai-news-ko/3.mdx', 'ai-news-ko/4.mdx', 'ai-news-ko/5.mdx', 'ai-news-ko/6.mdx', 'ai-news-ko/7.mdx', 'ai-news-ko/8.mdx']);
  });
});

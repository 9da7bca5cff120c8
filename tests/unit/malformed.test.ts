/**
 * Malformed inputs are loud (issue 7, "Safety").
 *
 * tests/malformed/<format>/ holds one broken input per adapter: a result.json cut
 * off mid-message, an HTML export page whose post lost its id, a t.me/s page whose
 * post lost its number, a text copy that stops after the channel card, a digest
 * cut inside its frontmatter, a flight payload whose text row is shorter than its
 * byte count, and a Next.js page cut inside that row.
 *
 * Each is added to a content tree that already holds a successful ingest. The
 * ingest must refuse with a message naming the file and the place (the exact
 * wording is pinned here, so it cannot drift silently), and content/ must stay
 * byte for byte as it was, with no staging folder left behind.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cp, mkdtemp, readdir, readFile, rm, symlink } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { ingest } from '../../src/pipeline/ingest.ts';
import { IngestError } from '../../src/pipeline/types.ts';

const PROJECT = path.resolve(import.meta.dirname, '../..');
const MALFORMED = path.join(PROJECT, 'tests/malformed');

const CASES: { format: string; message: string }[] = [
  {
    format: 'telegram-json',
    message: 'malformed/telegram-json/ChatExport_2025-04-01/result.json (near byte 3403, line 163, after message 4): invalid or truncated JSON (expected a string value); last complete message id: 4',
  },
  {
    format: 'telegram-html',
    message: 'malformed/telegram-html/ChatExport_2025-04-02/messages.html (line 86): div.message has no id attribute; expected id="message<number>"',
  },
  {
    format: 'telegram-web',
    message: 'malformed/telegram-web/broken-post/index.html (line 49): div.tgme_widget_message has no usable data-post ("ai_paper_club/"); expected "<username>/<id>"',
  },
  {
    format: 'telegram-text',
    message: 'malformed/telegram-text/cut-copy.txt (lines 1-8): the copy holds the channel card but no posts: it ends before its first post',
  },
  {
    format: 'digest-markdown',
    message: 'malformed/digest-markdown/cut-issue.md (line 1): frontmatter opened by `---` is never closed (no closing `---` line)',
  },
  {
    format: 'review-flight',
    message: 'malformed/review-flight/2025-9-30-Tables_Code_in_Uber_Reviews/index.txt (row 1a, byte 1560): text row declares 1343 bytes but only 852 remain: the payload is truncated',
  },
  {
    format: 'review-html',
    message: 'malformed/review-html/2025-9-30-Tables_Code_in_Uber_Reviews/index.html (flight row 1a, byte 1560): text row declares 1343 bytes but only 443 remain: the payload is truncated',
  },
];

const HEADER = 'content/raw: ingest stopped, nothing was written:';

let root = '';
let before: Record<string, string> = {};
const quiet = () => {};

/** Every file (hash) and directory under `dir`, dotfiles included: staging folders show up too. */
async function snapshot(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const e of await readdir(dir, { recursive: true, withFileTypes: true })) {
    const rel = path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/');
    if (rel.startsWith('raw/malformed')) continue;
    out[rel] = e.isDirectory() ? 'dir' : createHash('sha256').update(await readFile(path.join(dir, rel))).digest('hex');
  }
  return out;
}

async function addMalformed(format: string) {
  await cp(path.join(MALFORMED, format), path.join(root, 'content/raw/malformed', format), { recursive: true });
}

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'kb-malformed-'));
  await cp(path.join(PROJECT, 'content/topics'), path.join(root, 'content/topics'), { recursive: true });
  // A content tree that already holds entries from earlier, valid inputs.
  const valid = [
    'tests/fixtures/telegram-json/single-chat-2024/ChatExport_2024-07-10',
    'tests/fixtures/review-flight/seed-003',
    'tests/fixtures/digest-markdown/seed-002-llm-watch',
  ];
  for (const dir of valid) {
    await cp(path.join(PROJECT, dir), path.join(root, 'content/raw/valid', path.basename(dir)), {
      recursive: true,
      filter: (src) => !/expected(-error)?\.(json|txt)$/.test(src),
    });
  }
  const summary = await ingest({ root, log: quiet });
  expect(summary.records).toBeGreaterThan(10);
  before = await snapshot(path.join(root, 'content'));
}, 120_000);

afterAll(async () => {
  if (root) await rm(root, { recursive: true, force: true });
});

describe('a malformed input stops the ingest and leaves content/ untouched', () => {
  for (const { format, message } of CASES) {
    it(format, async () => {
      await addMalformed(format);
      try {
        const error = await ingest({ root, log: quiet }).then(
          () => undefined,
          (e: unknown) => e,
        );
        expect(error).toBeInstanceOf(IngestError);
        expect((error as Error).message).toBe(`${HEADER}\n  - ${message}`);
        expect(await snapshot(path.join(root, 'content'))).toEqual(before);
      } finally {
        await rm(path.join(root, 'content/raw/malformed'), { recursive: true, force: true });
      }
    });
  }

  it('the content tree is as before once the malformed files are gone', async () => {
    const again = await ingest({ root, log: quiet });
    expect(again.outcomes.created + again.outcomes.updated).toBe(0);
    expect(await snapshot(path.join(root, 'content'))).toEqual(before);
  });
});

describe('npm run ingest', () => {
  it('exits non-zero and names every malformed file and place on stderr', async () => {
    for (const rel of ['src', 'scripts', 'package.json']) await cp(path.join(PROJECT, rel), path.join(root, rel), { recursive: true });
    // Earlier ingests in this root left a render cache in node_modules/.cache: replace it by the project's modules.
    await rm(path.join(root, 'node_modules'), { recursive: true, force: true });
    await symlink(path.join(PROJECT, 'node_modules'), path.join(root, 'node_modules'));
    for (const { format } of CASES) await addMalformed(format);
    try {
      const run = spawnSync('npm', ['run', '--silent', 'ingest'], { cwd: root, encoding: 'utf8', timeout: 120_000 });
      expect(run.status).toBe(1);
      // Errors are listed in raw-file order, one line each.
      const expected = [...CASES].sort((a, b) => (a.message < b.message ? -1 : 1)).map((c) => `  - ${c.message}`);
      expect(run.stderr).toContain(`✖ ${HEADER}\n${expected.join('\n')}\n`);
      expect(await snapshot(path.join(root, 'content'))).toEqual(before);
    } finally {
      await rm(path.join(root, 'content/raw/malformed'), { recursive: true, force: true });
    }
  }, 150_000);
});

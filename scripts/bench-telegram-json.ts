/**
 * `node scripts/bench-telegram-json.ts [--mb 200] [--keep]`
 *
 * Memory bound of the Telegram Desktop JSON path (issue 3): writes a ~200 MB
 * single-channel result.json into a temp root (post texts from the real seed
 * content/raw/seeds/001_*.txt, with text entities, reactions, edits, forwards,
 * replies, albums, service messages, tdesktop's `\xNN` escapes), runs the real
 * ingest on it in a child process (`node scripts/ingest.ts --root <tmp>`), and
 * prints a Markdown table row: input size, messages, sources, wall time, peak
 * RSS. Exits 1 when peak RSS exceeds 1.5 GB. The temp root is deleted unless --keep.
 */
import { spawn } from 'node:child_process';
import { createWriteStream, existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..');
const LIMIT_MB = 1536;
const arg = (name: string, def: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1]! : def;
};
const TARGET_BYTES = Number(arg('mb', '200')) * 1024 * 1024;
const KEEP = process.argv.includes('--keep');
const CHANNEL = { name: 'Continuous Learning_Startup & Investment', id: 1612345678, username: 'bench_channel' };

/** Deterministic PRNG (mulberry32): the same file on every run. */
function rng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function seedParagraphs(): Promise<string[]> {
  const dir = path.join(ROOT, 'content/raw/seeds');
  const name = (await readdir(dir)).find((f) => f.startsWith('001_'));
  if (!name) throw new Error('content/raw/seeds/001_*.txt not found');
  const text = await readFile(path.join(dir, name), 'utf8');
  return text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter((p) => p.length > 20);
}

const pad = (n: number) => String(n).padStart(2, '0');
const wall = (unix: number) => {
  const d = new Date((unix + 9 * 3600) * 1000);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
};

/** Text entities over a paragraph: bold first line, links and hashtags where the text has them, a text_link. */
function entities(text: string, r: () => number, id: number): Record<string, string>[] {
  const out: Record<string, string>[] = [];
  const nl = text.indexOf('\n');
  let rest = text;
  if (nl > 0 && r() < 0.6) {
    out.push({ type: 'bold', text: text.slice(0, nl) });
    rest = text.slice(nl);
  }
  let last = 0;
  for (const m of rest.matchAll(/https?:\/\/\S+|#[\p{L}\p{N}_]+/gu)) {
    if (m.index > last) out.push({ type: 'plain', text: rest.slice(last, m.index) });
    out.push({ type: m[0].startsWith('#') ? 'hashtag' : 'link', text: m[0] });
    last = m.index + m[0].length;
  }
  if (last < rest.length) out.push({ type: 'plain', text: rest.slice(last) });
  if (r() < 0.3) out.push({ type: 'plain', text: '\n' }, { type: 'text_link', text: '원문 보기', href: `https://arxiv.org/abs/25${pad(1 + (id % 12))}.${String(10000 + (id % 89999))}` });
  if (r() < 0.05 && id > 20) out.push({ type: 'plain', text: `\n지난 글: https://t.me/${CHANNEL.username}/${id - 10}` });
  if (r() < 0.02) out.push({ type: 'plain', text: ' 제어문자\\x0b테스트' });
  return out;
}

const REACTIONS = ['👍', '❤', '🔥', '🤔', '👏', '😢'];

async function generate(file: string): Promise<{ messages: number; bytes: number }> {
  const paras = await seedParagraphs();
  const r = rng(20250101);
  const out = createWriteStream(file);
  let bytes = 0;
  const write = async (s: string) => {
    bytes += Buffer.byteLength(s);
    if (!out.write(s)) await once(out, 'drain');
  };
  await write(`{\n "name": ${JSON.stringify(CHANNEL.name)},\n "type": "private_channel",\n "id": ${CHANNEL.id},\n "messages": [`);
  let id = 0;
  let unix = 1_600_000_000;
  let first = true;
  const emit = async (m: Record<string, unknown>) => {
    // JSON.stringify escapes \x0b as \u000b; tdesktop writes \x0b — rewrite the marker we planted.
    const json = JSON.stringify(m, null, 1).replace(/\\\\x0b/g, '\\x0b').replace(/\n/g, '\n  ');
    await write(`${first ? '' : ','}\n  ${json}`);
    first = false;
  };
  while (bytes < TARGET_BYTES) {
    id++;
    unix += 600 + Math.floor(r() * 7200);
    const roll = r();
    if (roll < 0.03) {
      await emit({ id, type: 'service', date: wall(unix), date_unixtime: String(unix), actor: CHANNEL.name, actor_id: `channel${CHANNEL.id}`, action: 'pin_message', message_id: id - 1, text: '', text_entities: [] });
      continue;
    }
    const n = 1 + Math.floor(r() * 3);
    const start = Math.floor(r() * paras.length);
    const text = Array.from({ length: n }, (_, i) => paras[(start + i) % paras.length]).join('\n\n');
    const ents = entities(text, r, id);
    const base: Record<string, unknown> = {
      id,
      type: 'message',
      date: wall(unix),
      date_unixtime: String(unix),
      ...(r() < 0.15 ? { edited: wall(unix + 300), edited_unixtime: String(unix + 300) } : {}),
      from: CHANNEL.name,
      from_id: `channel${CHANNEL.id}`,
      ...(r() < 0.1 ? { forwarded_from: '올바른' } : {}),
      ...(r() < 0.05 && id > 5 ? { reply_to_message_id: id - 3 } : {}),
    };
    const reactions = r() < 0.6 ? REACTIONS.filter(() => r() < 0.4).map((emoji) => ({ type: 'emoji', count: 1 + Math.floor(r() * 40), emoji })) : [];
    if (r() < 0.08) {
      // An album: 2–5 photos with one timestamp, the caption on the first.
      const size = 2 + Math.floor(r() * 4);
      for (let k = 0; k < size; k++) {
        if (k) id++;
        await emit({
          ...base,
          id,
          photo: `photos/photo_${id}@${wall(unix).slice(0, 10)}.jpg`,
          photo_file_size: 90000 + id,
          width: 1280,
          height: 720,
          text: k ? '' : ents,
          text_entities: k ? [] : ents,
          ...(k === 0 && reactions.length ? { reactions } : {}),
        });
      }
      continue;
    }
    await emit({ ...base, text: ents, text_entities: ents, ...(reactions.length ? { reactions } : {}) });
  }
  await write('\n ]\n}\n');
  out.end();
  await once(out, 'finish');
  return { messages: id, bytes };
}

/** RSS of a process and its children (fallback when GNU time is missing). */
async function treeRssKB(pid: number): Promise<number> {
  let total = 0;
  const read = async (p: number) => {
    const status = await readFile(`/proc/${p}/status`, 'utf8').catch(() => '');
    total += Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
    const kids = await readFile(`/proc/${p}/task/${p}/children`, 'utf8').catch(() => '');
    for (const k of kids.split(/\s+/).filter(Boolean)) await read(Number(k));
  };
  await read(pid);
  return total;
}

async function measure(root: string): Promise<{ seconds: number; peakMB: number; log: string }> {
  const gnuTime = existsSync('/usr/bin/time');
  const timeFile = path.join(root, 'time.out');
  const cmd = [process.execPath, path.join(ROOT, 'scripts/ingest.ts'), '--root', root];
  const started = performance.now();
  const child = gnuTime ? spawn('/usr/bin/time', ['-f', '%M', '-o', timeFile, ...cmd], { stdio: ['ignore', 'pipe', 'pipe'] }) : spawn(cmd[0]!, cmd.slice(1), { stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  child.stdout!.on('data', (d) => (log += d));
  child.stderr!.on('data', (d) => (log += d));
  let peakKB = 0;
  const poll = gnuTime ? undefined : setInterval(async () => (peakKB = Math.max(peakKB, await treeRssKB(child.pid!))), 100);
  const code: number = await new Promise((res) => child.on('exit', (c) => res(c ?? 1)));
  if (poll) clearInterval(poll);
  const seconds = (performance.now() - started) / 1000;
  if (code !== 0) throw new Error(`ingest failed (exit ${code}):\n${log}`);
  if (gnuTime) peakKB = Number((await readFile(timeFile, 'utf8')).trim().split('\n').pop());
  return { seconds, peakMB: peakKB / 1024, log };
}

async function countFiles(dir: string): Promise<number> {
  let n = 0;
  for (const e of await readdir(dir, { withFileTypes: true, recursive: true })) if (e.isFile()) n++;
  return n;
}

// Without --root the child would ingest this project's own content/: refuse rather than touch it.
if (!(await readFile(path.join(ROOT, 'scripts/ingest.ts'), 'utf8')).includes("'--root'")) {
  process.stderr.write('✖ scripts/ingest.ts has no --root option: the benchmark would ingest the project itself\n');
  process.exit(2);
}
const root = await mkdtemp(path.join(tmpdir(), 'kb-bench-tg-'));
try {
  await cp(path.join(ROOT, 'content/topics'), path.join(root, 'content/topics'), { recursive: true });
  const exportDir = path.join(root, 'content/raw/telegram/ChatExport_2025-01-01');
  await mkdir(exportDir, { recursive: true });
  const file = path.join(exportDir, 'result.json');
  const t0 = performance.now();
  const { messages } = await generate(file);
  const size = (await stat(file)).size;
  process.stderr.write(`generated ${(size / 1048576).toFixed(0)} MB, ${messages} messages in ${((performance.now() - t0) / 1000).toFixed(1)} s\n`);
  const { seconds, peakMB, log } = await measure(root);
  process.stderr.write(log);
  const sources = await countFiles(path.join(root, 'content/sources'));
  const ok = peakMB <= LIMIT_MB;
  console.log('| input | messages | sources | wall time | peak RSS | limit |');
  console.log('| --- | ---: | ---: | ---: | ---: | --- |');
  console.log(`| result.json ${(size / 1048576).toFixed(0)} MB | ${messages} | ${sources} | ${seconds.toFixed(1)} s | ${peakMB.toFixed(0)} MB | ${ok ? '≤' : '✖ >'} ${LIMIT_MB} MB |`);
  if (!ok) process.exitCode = 1;
} finally {
  if (!KEEP) await rm(root, { recursive: true, force: true });
  else process.stderr.write(`kept ${root}\n`);
}

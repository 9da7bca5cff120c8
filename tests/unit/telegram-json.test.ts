import { describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, createWriteStream, statSync, readdirSync, existsSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { telegramJson } from '../../src/pipeline/adapters/telegram-json.ts';
import { EscapeFixer } from '../../src/pipeline/adapters/telegram/json-stream.ts';
import { jsonDate } from '../../src/pipeline/adapters/telegram/json-message.ts';
import { channelKey, telegramPostId } from '../../src/pipeline/adapters/telegram/ids.ts';
import { IngestError, type RawFile, type SourceRecord } from '../../src/pipeline/types.ts';
import { readRawFile } from '../../src/pipeline/detect.ts';

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/telegram-json');

async function collect(records: SourceRecord[] | AsyncIterable<SourceRecord>): Promise<SourceRecord[]> {
  const out: SourceRecord[] = [];
  for await (const r of records) out.push(r);
  return out;
}

function raw(text: string, p = 'export/result.json'): RawFile {
  return { path: p, absPath: '', text, head: text.slice(0, 65536), size: Buffer.byteLength(text) };
}

describe('telegram ids', () => {
  it.each([
    [['dogs_community', 'Dogs', 123], 'dogs-community'],
    [['@Some_Channel'], 'some-channel'],
    [[undefined, 'Dogs', 1987654321], 'c1987654321'],
    [[undefined, 'Dogs', '-1001987654321'], 'c1987654321'],
    [[undefined, 'Deep Learning Weekly'], 'deep-learning-weekly'],
  ] as const)('channelKey(%j) = %s', (args, expected) => {
    expect(channelKey(...(args as unknown as [string?, string?, (string | number)?]))).toBe(expected);
  });
  it('hashes a title without ASCII', () => {
    expect(channelKey(undefined, 'Новости ИИ')).toMatch(/^ch-[0-9a-f]{8}$/);
  });
  it('builds the permalink id', () => {
    expect(telegramPostId('dogs-community', 42)).toBe('telegram/dogs-community/42');
  });
});

describe('EscapeFixer (tdesktop#27571)', () => {
  const fixAll = (chunks: string[]) => {
    const f = new EscapeFixer();
    return chunks.map((c) => f.push(c)).join('') + f.flush();
  };
  it('rewrites \\xNN and keeps escaped backslashes', () => {
    expect(fixAll(['"a\\x0bb \\\\x41 \\\\\\x1f"'])).toBe('"a\\u000bb \\\\x41 \\\\\\u001f"');
  });
  it('is independent of chunk boundaries', () => {
    const input = '"a\\x0bb \\\\x41 \\\\\\x1f \\" \\n end\\x7F"';
    const whole = fixAll([input]);
    for (let i = 0; i <= input.length; i++) {
      for (let j = i; j <= input.length; j += 3) {
        expect(fixAll([input.slice(0, i), input.slice(i, j), input.slice(j)])).toBe(whole);
      }
    }
    expect(JSON.parse(whole)).toBe('a\u000bb \\x41 \\\u001f " \n end\u007f');
  });
});

describe('jsonDate', () => {
  it('derives the exporter offset from date and date_unixtime', () => {
    expect(jsonDate('2024-07-04T01:28:36', '1720024116').date).toEqual({ iso: '2024-07-04T01:28:36+09:00', precision: 'exact' });
    expect(jsonDate('2024-07-03T21:58:36', '1720024116').date).toEqual({ iso: '2024-07-03T21:58:36+05:30', precision: 'exact' });
    expect(jsonDate('2024-07-03T12:28:36', '1720024116').date).toEqual({ iso: '2024-07-03T12:28:36-04:00', precision: 'exact' });
  });
  it('falls back to UTC when only the Unix time is usable', () => {
    expect(jsonDate(undefined, '1720024116').date).toEqual({ iso: '2024-07-03T16:28:36+00:00', precision: 'exact' });
  });
  it('keeps old exports local', () => {
    expect(jsonDate('2020-01-05T10:00:00', undefined).date).toEqual({ iso: '2020-01-05T10:00:00', precision: 'local' });
  });
});

describe('telegram-json detect', () => {
  it('rejects other JSON', () => {
    expect(telegramJson.detect(raw('{"messages": [{"role": "user", "content": "hi"}]}'))).toBeLessThan(0.5);
    expect(telegramJson.detect(raw('[1, 2, 3]'))).toBeLessThan(0.5);
    expect(telegramJson.detect(raw('# Markdown'))).toBeLessThan(0.5);
  });
  it('accepts both export shapes', () => {
    expect(telegramJson.detect(raw('{\n "name": "X",\n "type": "public_channel",\n "id": 1,\n "messages": [\n  {\n   "id": 1,\n   "type": "message"'))).toBeGreaterThanOrEqual(0.5);
    expect(telegramJson.detect(raw('{\n "about": "Here is the data you requested.",\n "personal_information": {'))).toBeGreaterThanOrEqual(0.5);
  });
});

describe('telegram-json parse', () => {
  it('reads a chat from loaded text and reports a truncated file with the last good id', async () => {
    const doc = {
      name: 'Chan',
      type: 'public_channel',
      id: 5,
      messages: [
        { id: 1, type: 'message', date: '2024-01-01T10:00:00', date_unixtime: '1704103200', text: 'first post' },
        { id: 2, type: 'message', date: '2024-01-01T11:00:00', date_unixtime: '1704106800', text: 'second post' },
      ],
    };
    const text = JSON.stringify(doc, null, 1);
    const ok = await telegramJson.parse(raw(text));
    expect((await collect(ok.records)).map((r) => [r.id, r.title, r.date?.iso])).toEqual([
      ['telegram/c5/1', 'first post', '2024-01-01T10:00:00+00:00'],
      ['telegram/c5/2', 'second post', '2024-01-01T11:00:00+00:00'],
    ]);
    const cut = text.slice(0, text.indexOf('second'));
    await expect(telegramJson.parse(raw(cut))).rejects.toThrow(IngestError);
    await expect(telegramJson.parse(raw(cut))).rejects.toThrow(/last complete message id: 1/);
    // Cut between messages: still an error, never a silent partial result.
    const between = text.slice(0, text.indexOf('{', text.indexOf('"id": 2') - 20));
    await expect(telegramJson.parse(raw(between))).rejects.toThrow(/last complete message id: 1/);
  });

  it.each(['single-chat-2024', 'old-2020', 'full-account'])('gives the same result streamed from disk (%s)', async (name) => {
    const dir = path.join(FIXTURES, name);
    const rel = readdirSync(dir).map((d) => `${d}/result.json`).find((r) => existsSync(path.join(dir, r)))!;
    const loaded = await readRawFile(dir, rel);
    const streamed: RawFile = { ...loaded, text: undefined };
    const a = await telegramJson.parse(loaded);
    const b = await telegramJson.parse(streamed);
    expect(Array.isArray(b.records)).toBe(false);
    expect(await collect(b.records)).toEqual(await collect(a.records));
    expect(b.skipped).toEqual(a.skipped);
    expect(b.warnings).toEqual(a.warnings);
  });

  it('stops reading when the consumer stops early', async () => {
    const dir = path.join(FIXTURES, 'single-chat-2024');
    const loaded = await readRawFile(dir, 'ChatExport_2024-07-10/result.json');
    const res = await telegramJson.parse({ ...loaded, text: undefined });
    for await (const r of res.records) {
      expect(r.id).toBe('telegram/ai-news-ko/2');
      break;
    }
  });

  it('streams a ~20 MB export from disk in bounded memory', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'tg-json-'));
    const file = path.join(dir, 'result.json');
    try {
      // A full-account export: one channel (kept) and a large personal chat (streamed through, never assembled as a whole).
      const out = createWriteStream(file);
      const write = async (s: string) => {
        if (!out.write(s)) await once(out, 'drain');
      };
      await write('{\n "about": "Here is the data you requested.",\n "chats": {\n  "about": "",\n  "list": [\n');
      await write('   {\n    "name": "Big Channel",\n    "type": "public_channel",\n    "id": 77,\n    "messages": [\n');
      const body = 'Пост о моделях 🤖 with an \\x0b escape and a long tail. '.repeat(20);
      const channelMessages = 1000;
      for (let i = 1; i <= channelMessages; i++) {
        const msg = { id: i, type: 'message', date: '2024-05-01T12:00:00', date_unixtime: String(1714564800 + i * 60), from: 'Big Channel', from_id: 'channel77', text: '', text_entities: [{ type: 'bold', text: `Post ${i}` }, { type: 'plain', text: ` ${body}` }] };
        await write((i > 1 ? ',\n' : '') + JSON.stringify(msg).replace('\\\\x0b', '\\x0b'));
      }
      await write('\n    ]\n   },\n   {\n    "name": "Friend",\n    "type": "personal_chat",\n    "id": 9,\n    "messages": [\n');
      const chat = JSON.stringify({ id: 0, type: 'message', date: '2024-05-01T12:00:00', date_unixtime: '1714564800', from: 'Friend', from_id: 'user9', text: 'x'.repeat(400) });
      for (let i = 1; i <= 38000; i++) await write((i > 1 ? ',\n' : '') + chat.replace('"id":0', `"id":${i}`));
      await write('\n    ]\n   }\n  ]\n }\n}\n');
      out.end();
      await once(out, 'finish');
      const size = statSync(file).size;
      expect(size).toBeGreaterThan(19e6);

      const rawFile: RawFile = { path: 'result.json', absPath: file, head: '{', size };
      globalThis.gc?.();
      const base = process.memoryUsage().heapUsed;
      let peak = base;
      const timer = setInterval(() => {
        peak = Math.max(peak, process.memoryUsage().heapUsed);
      }, 2);
      const result = await telegramJson.parse(rawFile);
      // Records arrive one at a time; keep only what the assertions need.
      let count = 0;
      let firstTitle = '';
      for await (const r of result.records) {
        if (!count) firstTitle = r.title;
        expect(r.body.children.length).toBeGreaterThan(0);
        count++;
      }
      clearInterval(timer);
      peak = Math.max(peak, process.memoryUsage().heapUsed);

      expect(count).toBe(channelMessages);
      expect(firstTitle).toMatch(/^Post 1 Пост о моделях 🤖 with an escape/);
      expect(result.skipped).toEqual([{ location: 'chats.list[1] (chat id 9)', reason: 'personal_chat: not a channel or supergroup' }]);
      // JSON.parse of this file alone would need several times its size; the stream stays far below.
      if (process.env.TG_MEM_DEBUG) console.log(`heap growth ${((peak - base) / 1e6).toFixed(1)} MB for ${(size / 1e6).toFixed(1)} MB`);
      expect(peak - base).toBeLessThan(64 * 1024 * 1024);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});

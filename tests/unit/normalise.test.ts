import { describe, expect, it } from 'vitest';
import { normaliseRecord, normaliseText } from '../../src/pipeline/normalise.ts';
import { root, paragraph, text } from '../../src/pipeline/util/mdast.ts';
import type { SourceRecord } from '../../src/pipeline/types.ts';

describe('normaliseText', () => {
  it.each([
    ['\u1100\u1161\u11a8', '각'], // NFD Hangul → NFC
    ['a\u0000b\u0007c', 'abc'],
    ['line\nnext\tcol', 'line\nnext\tcol'],
    ['evil\u202Etxt.exe', 'eviltxt.exe'],
    ['\u2066isolate\u2069', 'isolate'],
    ['مرحبا\u200F', 'مرحبا\u200F'], // RLM stays
    ['C1\u0085x', 'C1x'],
  ])('%j → %j', (input, out) => expect(normaliseText(input)).toBe(out));
});

describe('normaliseRecord', () => {
  it('cleans every string, body included, without touching structure or numbers', () => {
    const r: SourceRecord = {
      id: 'telegram/x/1',
      kind: 'telegram',
      format: 'telegram-json',
      title: 'T\u0000itle',
      origin: { name: 'N\u202Eame' },
      links: [],
      tags: ['t\u0001ag'],
      lang: 'ko',
      body: root([paragraph([text('\u1100\u1161\u11a8\u0000')])]),
      telegram: { channelTitle: 'c', messageId: 7, reactions: [{ emoji: '👍', count: 3 }] },
      provenance: { file: 'f', location: 'message 7' },
    };
    expect(normaliseRecord(r)).toEqual({
      ...r,
      title: 'Title',
      origin: { name: 'Name' },
      tags: ['tag'],
      body: root([paragraph([text('각')])]),
    });
  });
  it('falls back to the id when nothing of the title is left', () => {
    const r = { id: 'a/b', title: '\u0000\u202E', body: root([]) } as unknown as SourceRecord;
    expect(normaliseRecord(r).title).toBe('a/b');
  });
});

import { describe, expect, it } from 'vitest';
import { groupPosts, inferUsername, postTitle, type TgPost } from '../../src/pipeline/adapters/telegram/post.ts';
import { formatParts } from '../../src/pipeline/adapters/telegram/parts.ts';
import { detectLang } from '../../src/pipeline/adapters/telegram/lang.ts';
import { bodyToMarkdown } from '../../src/pipeline/emit.ts';
import { root } from '../../src/pipeline/util/mdast.ts';

function post(id: number, time: number, plain: string, extra: Partial<TgPost> = {}): TgPost {
  return { messageId: id, seq: id, time, blocks: [], plain, tags: [], links: [], media: [], reactions: [], location: `message ${id}`, ...extra };
}
const photo = [{ type: 'photo' as const, path: 'p.jpg' }];
const ids = (groups: TgPost[][]) => groups.map((g) => g.map((p) => p.messageId));

describe('groupPosts', () => {
  it('joins an album with one caption', () => {
    expect(ids(groupPosts([post(1, 100, '', { media: photo }), post(2, 100, 'caption', { media: photo }), post(3, 100, '', { media: photo })]))).toEqual([[1, 2, 3]]);
  });
  it('keeps album items with their own captions apart', () => {
    expect(ids(groupPosts([post(1, 100, 'one', { media: photo }), post(2, 100, 'two', { media: photo })]))).toEqual([[1], [2]]);
  });
  it('joins a media post and its separately sent text', () => {
    expect(ids(groupPosts([post(1, 100, '', { media: photo }), post(2, 101, 'the long caption')]))).toEqual([[1, 2]]);
  });
  it('joins a split long text only on strong evidence', () => {
    const long = 'word '.repeat(800).trim();
    expect(ids(groupPosts([post(1, 100, long), post(2, 101, 'Next part.')]))).toEqual([[1, 2]]);
    expect(ids(groupPosts([post(1, 100, 'results show that'), post(2, 101, 'the loss falls.')]))).toEqual([[1, 2]]);
    expect(ids(groupPosts([post(1, 100, 'A complete post.'), post(2, 100, 'Another post.')]))).toEqual([[1], [2]]);
    expect(ids(groupPosts([post(1, 100, 'results show that'), post(2, 160, 'the loss falls.')]))).toEqual([[1], [2]]);
    expect(ids(groupPosts([post(1, 100, 'results show that'), { ...post(2, 101, 'the loss falls.'), seq: 5 }]))).toEqual([[1], [2]]);
    expect(ids(groupPosts([post(1, 100, 'results show that'), post(2, 101, 'the loss falls.', { forwardedFrom: 'X' })]))).toEqual([[1], [2]]);
  });
});

describe('inferUsername', () => {
  it('takes the name whose links point at posts of this export, ignoring forwards', () => {
    const posts = [
      post(1, 0, 'hello'),
      post(2, 0, 'see https://t.me/my_chan/1 and t.me/other/999'),
      post(3, 0, 'fwd t.me/source_chan/1 t.me/source_chan/2', { forwardedFrom: 'Source' }),
    ];
    expect(inferUsername(posts, new Set([1, 2, 3]))).toBe('my_chan');
    expect(inferUsername([post(1, 0, 'https://t.me/joinchat/1')], new Set([1]))).toBeUndefined();
  });
});

describe('postTitle', () => {
  it('cuts at a word boundary', () => {
    const t = postTitle('This is a very long first line that goes on and on well past the limit of eighty characters\nsecond', [], 1);
    expect(t.endsWith('…')).toBe(true);
    expect([...t].length).toBeLessThanOrEqual(80);
    expect(t).toBe('This is a very long first line that goes on and on well past the limit of…');
  });
  it('describes media when there is no text', () => {
    expect(postTitle('', [{ type: 'photo' }, { type: 'photo' }], 1)).toBe('사진 2장');
    expect(postTitle('', [{ type: 'file', name: 'a.pdf' }], 1)).toBe('파일: a.pdf');
  });
});

describe('formatParts', () => {
  const md = (parts: Parameters<typeof formatParts>[0]) => bodyToMarkdown(root(formatParts(parts).blocks));
  it('maps entities and newlines', () => {
    expect(md([{ type: 'bold', text: 'Bold ' }, { type: 'plain', text: 'a\nb\n\nc' }])).toBe('**Bold** a\\\nb\n\nc\n');
    expect(md([{ type: 'text_link', text: 'x', href: 'javascript:alert(1)' }])).toBe('x\n');
    expect(md([{ type: 'plain', text: 'costs $5 and $6' }])).toBe('costs \\$5 and \\$6\n');
  });
  it('reports unknown entity types and keeps their text', () => {
    const seen: string[] = [];
    const out = formatParts([{ type: 'brand_new', text: 'kept' }], (t) => seen.push(t));
    expect(seen).toEqual(['brand_new']);
    expect(out.plain).toBe('kept');
  });
});

describe('detectLang', () => {
  it.each([
    ['새 모델 GPT-5 출시', 'ko'],
    ['Привет, мир', 'ru'],
    ['مرحبا بكم', 'ar'],
    ['Hello world https://example.com/한국', 'en'],
    ['🔥🔥', 'und'],
  ])('%s → %s', (text, lang) => expect(detectLang(text)).toBe(lang));
});

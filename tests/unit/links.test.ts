/** Table-driven tests of link helpers (src/pipeline/util/links.ts): input → output. */
import { describe, expect, it } from 'vitest';
import { arxivId, collectLinks, linkType, safeUrl } from '../../src/pipeline/util/links.ts';

describe('linkType', () => {
  it.each([
    ['https://arxiv.org/abs/2510.19338', 'arxiv'],
    ['https://export.arxiv.org/abs/2510.19338', 'arxiv'],
    ['https://youtu.be/XJsHIoIDhPY', 'youtube'],
    ['https://www.youtube.com/watch?v=x', 'youtube'],
    ['https://m.youtube.com/watch?v=x', 'youtube'],
    ['https://github.com/a/b', 'github'],
    ['https://www.github.com/a', 'github'],
    ['https://gist.github.com/a', 'github'],
    ['https://huggingface.co/papers/2510.19338', 'huggingface'],
    ['https://hf.co/x', 'huggingface'],
    ['https://x.com/a/status/1', 'x'],
    ['https://twitter.com/a', 'x'],
    ['https://t.me/channel/12', 'telegram'],
    ['https://telegram.me/channel', 'telegram'],
    ['https://notarxiv.org/abs/1', 'web'],
    ['https://github.io/x', 'web'],
    ['not a url', 'web'],
    ['', 'web'],
  ])('%s → %s', (url, type) => expect(linkType(url)).toBe(type));
});

describe('arxivId', () => {
  it.each([
    ['https://arxiv.org/abs/2510.19338', '2510.19338'],
    ['https://arxiv.org/abs/2510.19338v2', '2510.19338'],
    ['https://arxiv.org/pdf/2510.19338.pdf', '2510.19338'],
    ['https://arxiv.org/pdf/2510.19338v1', '2510.19338'],
    ['https://arxiv.org/html/2510.19338v1/', '2510.19338'],
    ['http://www.arxiv.org/abs/1706.03762', '1706.03762'],
    ['https://export.arxiv.org/abs/2501.0001', '2501.0001'],
    ['arxiv.org/abs/2510.19338', '2510.19338'],
    ['https://arxiv.org/abs/2510.19338?context=cs', '2510.19338'],
    // not arXiv's host (these used to match)
    ['https://notarxiv.org/abs/2510.19338', undefined],
    ['https://evil.com/arxiv.org/abs/2510.19338', undefined],
    // not an id
    ['https://arxiv.org/abs/2510.193381', undefined],
    ['https://arxiv.org/list/cs.CL/recent', undefined],
    ['https://huggingface.co/papers/2510.19338', undefined],
  ])('%s → %s', (url, id) => expect(arxivId(url)).toBe(id));
});

describe('safeUrl', () => {
  it.each([
    ['https://a.b/c', 'https://a.b/c'],
    ['  https://a.b/c  ', 'https://a.b/c'],
    ['HTTPS://X.COM', 'HTTPS://X.COM'],
    ['http://a.b', 'http://a.b'],
    ['mailto:a@b.c', 'mailto:a@b.c'],
    ['tel:+821012345678', 'tel:+821012345678'],
    ['tg://resolve?domain=x', 'tg://resolve?domain=x'],
    ['t.me/x', 'https://t.me/x'],
    ['www.example.com', 'https://www.example.com'],
    ['/local/path', '/local/path'],
    ['#frag', '#frag'],
    ['https://a.b/\u0001c', 'https://a.b/c'],
    // dropped: script-capable and unknown schemes, in any disguise
    ['javascript:alert(1)', undefined],
    ['JavaScript:alert(1)', undefined],
    ['java\tscript:alert(1)', undefined],
    ['java\u0000script:alert(1)', undefined],
    [' \njavascript:alert(1)', undefined],
    ['vbscript:x', undefined],
    ['data:text/html,<script>alert(1)</script>', undefined],
    ['file:///etc/passwd', undefined],
    ['', undefined],
    ['   ', undefined],
    ['not a url', undefined],
  ])('%j → %j', (raw, out) => expect(safeUrl(raw)).toBe(out));
});

describe('collectLinks', () => {
  it('keeps safe absolute links, first label wins, in order', () => {
    expect(
      collectLinks([
        { url: 'https://arxiv.org/abs/2510.19338', label: ' paper ' },
        { url: 'https://arxiv.org/abs/2510.19338', label: 'dup' },
        { url: 'javascript:alert(1)', label: 'bad' },
        { url: '/relative', label: 'rel' },
        { url: '#frag', label: 'frag' },
        { url: 't.me/x', label: '' },
        { url: 'https://github.com/a/b', label: 'code' },
      ]),
    ).toEqual([
      { url: 'https://arxiv.org/abs/2510.19338', label: 'paper', type: 'arxiv' },
      { url: 'https://t.me/x', label: 'https://t.me/x', type: 'telegram' },
      { url: 'https://github.com/a/b', label: 'code', type: 'github' },
    ]);
  });

  it('returns [] for no input', () => expect(collectLinks([])).toEqual([]));
});

/** Table-driven tests of the shared mdast builders (src/pipeline/util/mdast.ts): input → output. */
import { describe, expect, it } from 'vitest';
import { blocksFromPlain, inlineFromPlain, splitMath, toPlainText } from '../../src/pipeline/util/mdast.ts';

const t = (value: string) => ({ type: 'text', value });
const m = (value: string) => ({ type: 'inlineMath', value });
const link = (url: string) => ({ type: 'link', url, children: [t(url)] });

describe('splitMath (Pandoc tex_math_dollars)', () => {
  it.each([
    // money stays text
    ['$100 and $200', [t('$100 and $200')]],
    ['price $5, $x$ ok', [t('price $5, '), m('x'), t(' ok')]],
    ['$5 and $x$', [t('$5 and '), m('x')]],
    // math
    ['$E=mc^2$', [m('E=mc^2')]],
    ['$E = mc^2$', [m('E = mc^2')]],
    ['a $x$ b $y$', [t('a '), m('x'), t(' b '), m('y')]],
    ['$x\\$y$', [m('x\\$y')]],
    // not math: space inside the delimiters, digit after the close, `$$` run after single
    ['$ x$', [t('$ x$')]],
    ['$x $', [t('$x $')]],
    ['$x$5', [t('$x$5')]],
    ['$a$$', [t('$a$$')]],
    ['a $$ b', [t('a $$ b')]],
    ['$$ a$$', [t('$$ a$$')]],
    // escaped dollar is a literal dollar
    ['\\$5 and $x$', [t('$5 and '), m('x')]],
    ['\\$x\\$', [t('$x$')]],
    ['', []],
    ['no dollars', [t('no dollars')]],
  ])('%j', (input, out) => expect(splitMath(input)).toEqual(out));

  it('marks $$…$$ as display math', () => {
    expect(splitMath('$$a+b$$')).toEqual([{ type: 'inlineMath', value: 'a+b', data: { display: true } }]);
  });
});

describe('inlineFromPlain', () => {
  it.each([
    ['plain', [t('plain')]],
    ['see https://x.com/a. end', [t('see '), link('https://x.com/a'), t('. end')]],
    ['(https://x.com/a)', [t('('), link('https://x.com/a'), t(')')]],
    // balanced parentheses belong to the URL (was cut at `(bar`)
    ['https://en.wikipedia.org/wiki/Foo_(bar) and', [link('https://en.wikipedia.org/wiki/Foo_(bar)'), t(' and')]],
    ['(see https://en.wikipedia.org/wiki/Foo_(bar))', [t('(see '), link('https://en.wikipedia.org/wiki/Foo_(bar)'), t(')')]],
    ['https://x.com/a, https://y.com/b!', [link('https://x.com/a'), t(', '), link('https://y.com/b'), t('!')]],
    ['링크:https://x.com/가', [t('링크:'), link('https://x.com/가')]],
    ['a\nb', [t('a'), { type: 'break' }, t('b')]],
    ['cost $5 or $x$', [t('cost $5 or '), m('x')]],
    ['javascript:alert(1)', [t('javascript:alert(1)')]],
  ])('%j', (input, out) => expect(inlineFromPlain(input)).toEqual(out));

  it('leaves dollars alone with math: false', () => {
    expect(inlineFromPlain('$x$', { math: false })).toEqual([t('$x$')]);
  });
});

describe('blocksFromPlain', () => {
  it.each([
    ['a\r\nb\r\n\r\n\r\nc\n  \nd', [
      { type: 'paragraph', children: [t('a'), { type: 'break' }, t('b')] },
      { type: 'paragraph', children: [t('c')] },
      { type: 'paragraph', children: [t('d')] },
    ]],
    ['\n\n  \n', []],
    ['one', [{ type: 'paragraph', children: [t('one')] }]],
  ])('%j', (input, out) => expect(blocksFromPlain(input)).toEqual(out));
});

describe('toPlainText', () => {
  const cell = (v: string) => ({ type: 'tableCell', children: [t(v)] });
  it.each([
    ['text', t('a'), 'a'],
    ['break', { type: 'break' }, '\n'],
    ['html is dropped', { type: 'paragraph', children: [t('a'), { type: 'html', value: '<b>' }, m('x')] }, 'ax'],
    ['inline nodes join without separator', { type: 'paragraph', children: [t('a'), { type: 'strong', children: [t('b')] }] }, 'ab'],
    ['blocks join with newlines', { type: 'root', children: [{ type: 'paragraph', children: [t('a')] }, { type: 'paragraph', children: [t('b')] }] }, 'a\nb'],
    // cells of a row are tab-separated, rows newline-separated (cells used to be joined by newlines)
    ['table', { type: 'table', children: [{ type: 'tableRow', children: [cell('a'), cell('b')] }, { type: 'tableRow', children: [cell('c')] }] }, 'a\tb\nc'],
    ['list', { type: 'list', children: [{ type: 'listItem', children: [{ type: 'paragraph', children: [t('x')] }] }, { type: 'listItem', children: [{ type: 'paragraph', children: [t('y')] }] }] }, 'x\ny'],
    ['node without value or children', { type: 'thematicBreak' }, ''],
  ])('%s', (_n, node, out) => expect(toPlainText(node as never)).toBe(out));
});

/** Table-driven tests of the permalink slugs (src/pipeline/util/slug.ts): input → output. */
import { describe, expect, it } from 'vitest';
import { isSlug, shortHash, slugify, slugOrHash } from '../../src/pipeline/util/slug.ts';

describe('slugify', () => {
  it.each([
    ['Multi-head Latent Attention', 'multi-head-latent-attention'],
    ['Mem-α', 'mem-alpha'],
    ['α-β', 'alpha-beta'],
    ['GPT-4.5', 'gpt-4-5'],
    ["Don't Stop", 'dont-stop'],
    // typographic apostrophes behave like the ASCII one (was `don-t-stop`)
    ['Don’t Stop', 'dont-stop'],
    ['Humanity’s Last Exam', 'humanitys-last-exam'],
    ['Café Über', 'cafe-uber'],
    ['Straße', 'strasse'],
    ['Æsir Œuvre', 'aesir-oeuvre'],
    ['ﬁne-tuning', 'fine-tuning'],
    ['ＧＰＴ－４', 'gpt-4'],
    ['İstanbul', 'istanbul'],
    ['R&D + C++', 'r-and-d-plus-c-plus-plus'],
    ['"Quoted" `code`', 'quoted-code'],
    ['  --Hello--  ', 'hello'],
    ['10×faster', '10-faster'],
    ['확산 언어 모델(Diffusion Language Models)', 'diffusion-language-models'],
    ['확산 언어 모델', ''],
    ['', ''],
    ['---', ''],
  ])('%j → %j', (input, slug) => {
    expect(slugify(input)).toBe(slug);
    if (slug) expect(isSlug(slug)).toBe(true);
  });

  it.each([
    ['a'.repeat(100), 80, 'a'.repeat(80)],
    ['word '.repeat(30), 80, Array(16).fill('word').join('-')],
    ['alpha beta gamma', 11, 'alpha-beta'],
    ['alphabetagamma delta', 10, 'alphabetag'],
  ])('cuts %j at %i on a hyphen when one is past the middle', (input, max, slug) => {
    expect(slugify(input, max)).toBe(slug);
    expect(slug.length).toBeLessThanOrEqual(max);
  });
});

describe('isSlug', () => {
  it.each([
    ['abc', true],
    ['a-b-c', true],
    ['gpt-4-5', true],
    ['', false],
    ['-a', false],
    ['a-', false],
    ['a--b', false],
    ['A', false],
    ['a_b', false],
    ['a/b', false],
  ])('%j → %s', (s, ok) => expect(isSlug(s)).toBe(ok));
});

describe('shortHash', () => {
  it.each([
    ['', '811c9dc5'],
    ['a', 'e40c292c'],
    ['한', 'd88648db'],
  ])('%j → %s (FNV-1a 32)', (s, h) => expect(shortHash(s)).toBe(h));

  it('is eight hex digits and differs for near inputs', () => {
    expect(shortHash('가나다')).toMatch(/^[0-9a-f]{8}$/);
    expect(shortHash('가나다')).not.toBe(shortHash('가나라'));
  });
});

describe('slugOrHash', () => {
  it.each([
    ['Kimi Linear', 'item', 'kimi-linear'],
    ['abc', 'x', 'abc'],
    // too short or no ASCII left: prefix + hash of the NFC-trimmed name
    ['ab', 'x', `x-${shortHash('ab')}`],
    ['견고한 수학적 추론', 'item', `item-${shortHash('견고한 수학적 추론')}`],
    ['  가  ', 'ch', `ch-${shortHash('가')}`],
  ])('%j, %j → %j', (name, prefix, out) => expect(slugOrHash(name, prefix)).toBe(out));

  it('hashes NFC, so composed and decomposed Hangul agree', () => {
    const nfd = '한국'.normalize('NFD');
    expect(slugOrHash(nfd, 'x')).toBe(slugOrHash('한국', 'x'));
  });

  it('honours minLength', () => expect(slugOrHash('abcd', 'x', 5)).toBe(`x-${shortHash('abcd')}`));
});

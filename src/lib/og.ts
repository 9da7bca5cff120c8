/**
 * Open Graph images (1200×630 PNG), drawn at build time: the text is laid out
 * here with the glyphs of a Korean font shipped in node_modules (Noto Sans KR
 * from @expo-google-fonts/noto-sans-kr, read by fontkitten), turned into SVG
 * paths, and rasterised by resvg. No network and no system fonts, so every
 * machine draws the same image; measuring real glyph advances wraps lines
 * exactly. (Letting resvg lay out the text itself costs ~80 ms a card with a
 * 6 MB CJK font; paths cost ~20 ms.) PNGs are also cached by a hash of their SVG
 * in node_modules/.cache/og/, so a rebuild draws only cards whose text changed.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { create, type Font, type Glyph } from 'fontkitten';

export const OG_W = 1200;
export const OG_H = 630;
/** Bump when the renderer changes in a way the SVG does not show. */
const RENDER_VERSION = '2';

const KIND_COLOUR: Record<string, string> = {
  models: '#1c4f9c',
  techniques: '#1d6a3d',
  infra: '#8a4a0b',
  policy: '#6b3a9e',
};

export interface OgCard {
  /** Small label above the title (the kind). */
  eyebrow: string;
  title: string;
  subtitle?: string;
  description?: string;
  /** Colour key (`models`…); the site's accent otherwise. */
  kind?: string;
  footer: string;
}

type Weight = 400 | 700;
const FONT_FILES: Record<Weight, string> = {
  400: '400Regular/NotoSansKR_400Regular.ttf',
  700: '700Bold/NotoSansKR_700Bold.ttf',
};
const fonts = new Map<Weight, { font: Font; glyphs: Map<number, Glyph> }>();

function fontOf(weight: Weight) {
  let f = fonts.get(weight);
  if (!f) {
    const require = createRequire(path.join(process.cwd(), 'package.json'));
    const dir = path.dirname(require.resolve('@expo-google-fonts/noto-sans-kr/package.json'));
    const font = create(readFileSync(path.join(dir, FONT_FILES[weight]))) as Font;
    fonts.set(weight, (f = { font, glyphs: new Map() }));
  }
  return f;
}

function glyphOf(weight: Weight, cp: number): Glyph {
  const f = fontOf(weight);
  let g = f.glyphs.get(cp);
  if (!g) f.glyphs.set(cp, (g = f.font.glyphForCodePoint(cp)));
  return g;
}

/** Width in px of `text` at `size` (glyph advances; no kerning). */
export function measure(text: string, size: number, weight: Weight): number {
  let units = 0;
  for (const ch of text) units += glyphOf(weight, ch.codePointAt(0)!).advanceWidth;
  return (units * size) / fontOf(weight).font.unitsPerEm;
}

/** One line of text as a single SVG path, baseline at `y`. */
function textPath(text: string, x: number, y: number, size: number, weight: Weight, fill: string): string {
  const scale = size / fontOf(weight).font.unitsPerEm;
  let pen = 0;
  let d = '';
  for (const ch of text) {
    const g = glyphOf(weight, ch.codePointAt(0)!);
    if (g.path.commands.length) d += g.path.scale(scale, -scale).translate(x + pen * scale, y).toSVG();
    pen += g.advanceWidth;
  }
  return d ? `<path fill="${fill}" d="${d}"/>` : '';
}

/**
 * Greedy line breaking at spaces (Korean words are not split), breaking inside a
 * word only when it alone is wider than the line. At most `maxLines`; the last
 * line gets an ellipsis when text remains.
 */
export function wrapText(text: string, size: number, width: number, maxLines: number, weight: Weight): string[] {
  const fits = (s: string) => measure(s, size, weight) <= width;
  const words = text.replace(/\s+/g, ' ').trim().split(' ');
  const lines: string[] = [];
  let line = '';
  for (const w of words) {
    const next = line ? `${line} ${w}` : w;
    if (fits(next)) {
      line = next;
      continue;
    }
    if (line) lines.push(line);
    let rest = [...w];
    while (!fits(rest.join(''))) {
      let cut = rest.length;
      while (cut > 1 && !fits(rest.slice(0, cut).join(''))) cut--;
      lines.push(rest.slice(0, cut).join(''));
      rest = rest.slice(cut);
    }
    line = rest.join('');
  }
  if (line) lines.push(line);
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  let last = [...kept[maxLines - 1]!];
  while (last.length && !fits(`${last.join('').trimEnd()}…`)) last.pop();
  kept[maxLines - 1] = `${last.join('').trimEnd()}…`;
  return kept;
}

export function cardSvg(card: OgCard): string {
  const colour = (card.kind && KIND_COLOUR[card.kind]) ?? '#1a56b0';
  const x = 80;
  const width = OG_W - 2 * x;
  // The title shrinks (76 → 52 px) until it fits two lines.
  let size = 76;
  while (size > 52 && wrapText(card.title, size, width, 3, 700).length > 2) size -= 8;
  const title = wrapText(card.title, size, width, 2, 700);
  const parts: string[] = [];
  let y = 120;
  parts.push(textPath(card.eyebrow, x, y, 34, 700, colour));
  y += 40;
  for (const line of title) {
    y += Math.round(size * 1.2);
    parts.push(textPath(line, x, y, size, 700, '#1c1e22'));
  }
  if (card.subtitle) {
    y += 80;
    parts.push(textPath(wrapText(card.subtitle, 48, width, 1, 400)[0]!, x, y, 48, 400, '#3d434c'));
  }
  if (card.description) {
    y += 20;
    const room = Math.max(0, Math.floor((530 - y) / 46));
    for (const line of room ? wrapText(card.description, 30, width, Math.min(2, room), 400) : []) {
      y += 46;
      parts.push(textPath(line, x, y, 30, 400, '#59606b'));
    }
  }
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${OG_W}" height="${OG_H}" viewBox="0 0 ${OG_W} ${OG_H}">`,
    `<rect width="${OG_W}" height="${OG_H}" fill="#fcfcfb"/>`,
    `<rect width="${OG_W}" height="14" fill="${colour}"/>`,
    ...parts,
    `<rect x="${x}" y="547" width="${OG_W - 2 * x}" height="2" fill="#e2e4e8"/>`,
    textPath(card.footer, x, 596, 30, 700, '#1c1e22'),
    `</svg>`,
  ].join('\n');
}

const CACHE_DIR = path.join(process.cwd(), 'node_modules', '.cache', 'og');

/** The card as PNG bytes, from the cache when the same SVG was drawn before. */
export async function renderCard(card: OgCard): Promise<Uint8Array> {
  const svg = cardSvg(card);
  const key = createHash('sha256').update(RENDER_VERSION).update(svg).digest('hex').slice(0, 32);
  const cached = path.join(CACHE_DIR, `${key}.png`);
  if (existsSync(cached)) return readFileSync(cached);
  const { Resvg } = await import('@resvg/resvg-js');
  // Text is already paths: no fonts to load (loading system fonts alone costs tens of ms a card).
  const png = new Resvg(svg, { font: { loadSystemFonts: false }, fitTo: { mode: 'original' } }).render().asPng();
  try {
    mkdirSync(CACHE_DIR, { recursive: true });
    writeFileSync(cached, png);
  } catch {
    // A read-only node_modules only costs the cache.
  }
  return png;
}

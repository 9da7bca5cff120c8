/**
 * Newsletter digests saved as Markdown (seed 002; Substack/Buttondown/beehiiv exports).
 *
 *   [frontmatter] → blocks split on thematic breaks → title line per block →
 *   research item or skipped (sponsor, call to action, untitled intro) → one record per item
 *
 * Ids: `digests/<newsletter-key>/<YYYY-MM-DD | undated>/<item-slug>`, the item slug
 * from the English words of the title (see `itemSlug`), never from position. When
 * two items of one issue get the same slug, ALL of them take `-<hash of the title>`
 * (so which one came first does not matter); identical titles then get `-2`, `-3`
 * in order, with a warning.
 *
 * Errors: an unclosed or invalid frontmatter, and an issue with no research item at
 * all (nothing but sponsor and subscribe blocks means a broken copy or not a digest).
 * Warnings: unreadable frontmatter values, raw HTML kept as text, unsafe URLs dropped,
 * items without body, duplicate titles.
 */
import type { Root, RootContent } from 'mdast';
import { IngestError, type Adapter, type ParseResult, type RawFile, type SourceRecord } from '../types.ts';
import { collectLinks, linkType } from '../util/links.ts';
import { root, toPlainText } from '../util/mdast.ts';
import { shortHash, slugOrHash } from '../util/slug.ts';
import { guessLang, shapeBody } from './digest/body.ts';
import { classifyBlock, excerpt } from './digest/classify.ts';
import { detectDigest } from './digest/detect.ts';
import { splitFrontmatter } from './digest/frontmatter.ts';
import { createSanitizer, parseBlocks, type Sanitizer } from './digest/markdown.ts';
import { inferNewsletterName } from './digest/newsletter.ts';
import { cleanTitle, collapse, itemSlug, linksIn, titleLine } from './digest/title.ts';

/** One `---`-separated block, sanitised, with its title line taken apart. */
interface Block {
  line: number;
  nodes: RootContent[];
  title: string;
  labels: string[];
  titleLinks: { url: string; label: string }[];
  /** Everything after the title line. */
  rest: RootContent[];
  text: string;
  research: boolean;
  reason?: string;
}

export const digestMarkdown: Adapter = {
  id: 'digest-markdown',
  detect: (file: RawFile) => detectDigest(file.head),
  parse: parseDigest,
};

function parseDigest(file: RawFile): ParseResult {
  if (file.text === undefined) throw new IngestError(file.path, '', `a ${file.size}-byte file is too large to be a newsletter digest`);
  const text = file.text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const fm = splitFrontmatter(file.path, text);
  const warnings = [...fm.warnings];
  const skipped: ParseResult['skipped'] = [];
  const { blocks: raw, definitions } = parseBlocks(fm.body);
  const sanitizer = createSanitizer(definitions);
  const at = (line: number) => `line ${line + fm.lineOffset}`;

  const blocks: Block[] = [];
  raw.forEach((b, i) => {
    let nodes = b.nodes;
    let line = b.line;
    // A level-1 heading opening the issue is the issue's own title, not an item.
    const h1 = i === 0 && nodes[0]?.type === 'heading' && nodes[0].depth === 1 ? nodes[0] : undefined;
    if (h1) {
      const afterHeader = nodes.slice(1);
      const next = afterHeader[0];
      const titled = next && titleLine(sanitizer.blocks([next])[0]);
      const header = titled ? [h1] : nodes;
      skipped.push({ location: at(line), reason: `issue header: "${excerpt(collapse(toPlainText(root(sanitizer.blocks(header)))))}"` });
      if (!titled) return;
      nodes = afterHeader;
      line = next.position?.start.line ?? line;
    }
    blocks.push(prepareBlock(nodes, line, sanitizer, (m) => warnings.push({ location: at(line), message: m })));
  });

  blocks.forEach((b, i) => {
    const verdict = classifyBlock({
      title: b.title,
      text: b.text,
      hasLinkLabels: b.labels.length > 0,
      linkTypes: linksIn(b.nodes.flatMap(phrasingOf)).map((l) => linkType(l.url)),
      atEdge: i === 0 || i === blocks.length - 1,
    });
    b.research = verdict.research;
    if (!verdict.research) {
      b.reason = verdict.reason;
      skipped.push({ location: at(b.line), reason: verdict.reason });
    }
  });
  skipped.sort((a, b) => lineNo(a.location) - lineNo(b.location));

  const items = blocks.filter((b) => b.research);
  if (!items.length) {
    const why = skipped.length ? ` (${skipped.length} block${skipped.length > 1 ? 's' : ''} skipped: ${skipped.map((s) => s.reason.split(':')[0]).join('; ')})` : '';
    throw new IngestError(file.path, at(raw[0]?.line ?? 1), `no research items in this digest${why}`);
  }

  const newsletter = fm.frontmatter?.newsletter ?? inferNewsletterName(blocks.filter((b) => !b.research).map((b) => b.text));
  const key = slugOrHash(newsletter ?? 'Newsletter', 'nl');
  const date = fm.frontmatter?.date;
  const slugs = uniqueSlugs(items, (dup) => warnings.push({ location: at(dup.line), message: `duplicate item title "${dup.title}": id made unique by order` }));

  const records = items.map((b, i): SourceRecord => {
    const { body, keyTerms } = shapeBody(b.rest);
    if (!body.length) warnings.push({ location: at(b.line), message: `item "${b.title}" has no text under its title` });
    const bodyRoot: Root = root(body);
    const bodyLinks = linksIn(body.flatMap(phrasingOf)).filter((l) => !sanitizer.imageLinks.has(l));
    const links = collectLinks([...b.titleLinks, ...bodyLinks.map((l) => ({ url: l.url, label: collapse(toPlainText(l)) }))]);
    // A label is lost unless some link of the item (title or body) carries it.
    const linked = new Set(links.map((l) => l.label.toLowerCase()));
    const lost = b.labels.filter((l) => !linked.has(l.toLowerCase()));
    return {
      id: `digests/${key}/${date ? date.iso.slice(0, 10) : 'undated'}/${slugs[i]}`,
      kind: 'digest',
      format: 'digest-markdown',
      title: b.title,
      date,
      origin: { name: newsletter ?? 'Newsletter', url: fm.frontmatter?.url },
      author: fm.frontmatter?.author,
      links,
      tags: [],
      lang: guessLang(`${b.title}\n${toPlainText(bodyRoot)}`),
      body: bodyRoot,
      digest: {
        newsletter,
        position: i + 1,
        lostLinkLabels: lost.length ? lost : undefined,
        keyTerms: keyTerms.length ? keyTerms : undefined,
      },
      provenance: { file: file.path, location: at(b.line) },
    };
  });
  return { records, skipped, warnings };
}

function prepareBlock(nodes: RootContent[], line: number, sanitizer: Sanitizer, warn: (m: string) => void): Block {
  const before = { ...sanitizer.report, other: new Set(sanitizer.report.other) };
  const clean = sanitizer.blocks(nodes);
  const r = sanitizer.report;
  if (r.html > before.html) warn(`raw HTML kept as plain text (${r.html - before.html} place${r.html - before.html > 1 ? 's' : ''})`);
  if (r.unsafeUrls > before.unsafeUrls) warn(`unsafe or unusable URL dropped, link text kept (${r.unsafeUrls - before.unsafeUrls})`);
  const other = [...r.other].filter((t) => !before.other.has(t));
  if (other.length) warn(`unexpected Markdown nodes kept as text: ${other.join(', ')}`);

  const tl = titleLine(clean[0]);
  const full = tl ? collapse(toPlainText({ type: 'paragraph', children: tl.content })) : '';
  const { title, labels } = cleanTitle(full);
  return {
    line,
    nodes: clean,
    title,
    labels,
    titleLinks: tl ? linksIn(tl.content).filter((l) => !sanitizer.imageLinks.has(l)).map((l) => ({ url: l.url, label: collapse(toPlainText(l)) })) : [],
    rest: tl ? [...tl.rest, ...clean.slice(1)] : clean,
    text: toPlainText(root(clean)),
    research: false,
  };
}

/** All phrasing runs of a block tree (paragraphs, headings, cells…) for link collection. */
function phrasingOf(n: RootContent): never[] {
  if (!('children' in n)) return [];
  const kids = n.children as RootContent[];
  return ['paragraph', 'heading', 'tableCell'].includes(n.type) ? (kids as never[]) : kids.flatMap(phrasingOf);
}

function uniqueSlugs(items: readonly Block[], onDuplicate: (b: Block) => void): string[] {
  const base = items.map((b) => itemSlug(b.title));
  const count = new Map<string, number>();
  base.forEach((s) => count.set(s, (count.get(s) ?? 0) + 1));
  const hashed = base.map((s, i) => (count.get(s)! > 1 ? `${s}-${shortHash(items[i]!.title.normalize('NFC'))}` : s));
  const seen = new Map<string, number>();
  return hashed.map((s, i) => {
    const n = (seen.get(s) ?? 0) + 1;
    seen.set(s, n);
    if (n === 1) return s;
    onDuplicate(items[i]!);
    return `${s}-${n}`;
  });
}

const lineNo = (loc: string) => Number(/\d+/.exec(loc)?.[0] ?? 0);

/**
 * Markdown → blocks of safe mdast for the digest adapter.
 *
 * Parsing is CommonMark + GFM + math, with single-dollar math switched OFF in
 * micromark: micromark pairs any two `$` like code-span backticks, so
 * `$100 and $200` would become math. Text nodes instead go through the shared
 * `splitMath` (Pandoc's rule). `\$` is replaced by a placeholder before parsing
 * so that an escaped dollar survives as a literal dollar in text and as `\$` in code.
 */
import type {
  Definition, Nodes, Paragraph, PhrasingContent, Root, RootContent, TableRow, ListItem, TableCell,
} from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfm } from 'micromark-extension-gfm';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { math } from 'micromark-extension-math';
import { mathFromMarkdown } from 'mdast-util-math';
import { splitMath, text, toPlainText } from '../../util/mdast.ts';
import { safeUrl } from '../../util/links.ts';

/** A noncharacter: never meaningful in text, so safe as the stand-in for `\$`. */
const DOLLAR = '\uFDD0';

/** Escaped dollars → placeholder. A `\\` pair is skipped so `\\$` keeps its (unescaped) dollar. */
function protectEscapedDollars(src: string): string {
  let out = '';
  const s = src.replaceAll(DOLLAR, '');
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '\\' && (s[i + 1] === '\\' || s[i + 1] === '$')) {
      out += s[i + 1] === '$' ? DOLLAR : '\\\\';
      i++;
    } else out += s[i];
  }
  return out;
}

/**
 * CommonMark's flanking rule cannot close `**지능 교차점(Intelligence Crossover)**이라고`:
 * the closing `**` sits between punctuation and a letter, which only a following
 * space would allow — and Korean particles follow without one. So a rare
 * punctuation mark (FLANK) is slipped between a `*` run and the letter on the side
 * facing away from punctuation; that makes the run flanking the way a reader sees
 * it, and FLANK is removed from every value after parsing. Runs between two
 * letters or next to spaces are left alone (CommonMark already reads them).
 * When the text itself contains FLANK, nothing is inserted.
 */
const FLANK = '\u2E2C';
const PUNCT = /^[\p{P}\p{S}]$/u;
const kind = (ch: string | undefined) => (ch === undefined || /^\s$/u.test(ch) ? 'space' : PUNCT.test(ch) ? 'punct' : 'other');

function fixCjkFlanking(src: string): string {
  if (src.includes(FLANK)) return src;
  return src.replace(/\*+/g, (run, offset: number) => {
    const before = [...src.slice(Math.max(0, offset - 2), offset)].pop();
    const after = String.fromCodePoint(src.codePointAt(offset + run.length) ?? 32);
    const b = kind(before), a = kind(after);
    if (b === 'punct' && a === 'other') return run + FLANK;
    if (b === 'other' && a === 'punct') return FLANK + run;
    return run;
  });
}

/** For code, math and raw HTML: the source's own text (an escaped dollar stays `\$`). */
const asEscaped = (s: string) => s.replaceAll(FLANK, '').replaceAll(DOLLAR, '\\$');
/** For URLs and alt text, where escapes are already resolved. */
const asDollar = (s: string) => s.replaceAll(FLANK, '').replaceAll(DOLLAR, '$');

export interface RawBlock {
  /** Top-level nodes between two thematic breaks, straight from the parser. */
  nodes: RootContent[];
  /** 1-based line (in the parsed text) of the first node. */
  line: number;
}

export interface ParsedMarkdown {
  blocks: RawBlock[];
  definitions: Map<string, Definition>;
}

/**
 * Parse and split on thematic breaks. A `---` line directly under a paragraph is,
 * to CommonMark, a setext heading underline; in a digest it is the separator the
 * author typed, so such a heading is read back as a paragraph followed by a break.
 */
export function parseBlocks(markdown: string): ParsedMarkdown {
  const src = fixCjkFlanking(protectEscapedDollars(markdown));
  const tree: Root = fromMarkdown(src, {
    extensions: [gfm(), math({ singleDollarTextMath: false })],
    mdastExtensions: [gfmFromMarkdown(), mathFromMarkdown()],
  });
  const lines = src.split('\n');
  const definitions = new Map<string, Definition>();
  const blocks: RawBlock[] = [];
  let current: RootContent[] = [];
  const flush = () => {
    const nodes = current.filter((n) => n.type !== 'definition');
    if (nodes.length) blocks.push({ nodes, line: nodes[0]!.position?.start.line ?? 1 });
    current = [];
  };
  for (const node of tree.children) {
    if (node.type === 'definition') definitions.set(node.identifier, node);
    if (node.type === 'thematicBreak') {
      flush();
      continue;
    }
    const pos = node.position;
    if (node.type === 'heading' && pos && pos.start.line !== pos.end.line && /^ {0,3}-{3,}[ \t]*$/.test(lines[pos.end.line - 1] ?? '')) {
      current.push({ type: 'paragraph', children: node.children, position: pos });
      flush();
      continue;
    }
    current.push(node);
  }
  flush();
  return { blocks, definitions };
}

/** What the conversion to allowed nodes had to change, for warnings. */
export interface SanitizeReport {
  html: number;
  unsafeUrls: number;
  other: Set<string>;
}

export interface Sanitizer {
  blocks(nodes: readonly Nodes[]): RootContent[];
  inline(nodes: readonly Nodes[]): PhrasingContent[];
  report: SanitizeReport;
  /** Link nodes made from images: kept in the body, not listed as the item's links. */
  imageLinks: WeakSet<object>;
}

/**
 * Keep only the node types `SourceRecord.body` allows: images become links,
 * raw HTML becomes text, references are resolved, unsafe URLs are dropped
 * (their text kept), footnotes are inlined as text.
 */
export function createSanitizer(definitions: Map<string, Definition>): Sanitizer {
  const report: SanitizeReport = { html: 0, unsafeUrls: 0, other: new Set() };
  const imageLinks = new WeakSet<object>();

  const url = (raw: string): string | undefined => {
    const u = safeUrl(asDollar(raw));
    if (!u) report.unsafeUrls++;
    return u;
  };

  function inline(nodes: readonly Nodes[]): PhrasingContent[] {
    const out: PhrasingContent[] = [];
    for (const n of nodes) out.push(...inlineNode(n));
    return mergeText(out);
  }

  function inlineNode(n: Nodes): PhrasingContent[] {
    switch (n.type) {
      case 'text':
        return splitMath(asEscaped(n.value)) as PhrasingContent[];
      case 'strong':
      case 'emphasis':
      case 'delete': {
        const children = inline(n.children);
        return children.length ? [{ type: n.type, children } as PhrasingContent] : [];
      }
      case 'inlineCode':
        return [{ type: 'inlineCode', value: asEscaped(n.value) }];
      case 'inlineMath':
        return [{ type: 'inlineMath', value: asEscaped(n.value) }];
      case 'break':
        return [{ type: 'break' }];
      case 'link':
        return linkTo(n.url, inline(n.children));
      case 'linkReference': {
        const def = definitions.get(n.identifier);
        const children = inline(n.children);
        return def ? linkTo(def.url, children) : [text(asDollar(`[${toPlainText(n)}]`))];
      }
      case 'image':
      case 'imageReference': {
        const target = n.type === 'image' ? n.url : definitions.get(n.identifier)?.url;
        const alt = asDollar(n.alt ?? '').trim();
        const u = target === undefined ? undefined : url(target);
        if (!u) return alt ? [text(alt)] : [];
        const link: PhrasingContent = { type: 'link', url: u, children: [text(alt || u)] };
        imageLinks.add(link);
        return [link];
      }
      case 'html':
        report.html++;
        return [text(asEscaped(n.value))];
      case 'footnoteReference':
        return [text(`[^${n.label ?? n.identifier}]`)];
      default:
        report.other.add(n.type);
        return [text(asEscaped(toPlainText(n as never)))];
    }
  }

  function linkTo(raw: string, children: PhrasingContent[]): PhrasingContent[] {
    const u = url(raw);
    if (!u) return children;
    return [{ type: 'link', url: u, children: children.length ? children : [text(u)] }];
  }

  function blocks(nodes: readonly Nodes[]): RootContent[] {
    const out: RootContent[] = [];
    for (const n of nodes) out.push(...blockNode(n));
    return out;
  }

  function blockNode(n: Nodes): RootContent[] {
    switch (n.type) {
      case 'paragraph': {
        const children = inline(n.children);
        return children.length ? [{ type: 'paragraph', children }] : [];
      }
      case 'heading': {
        const children = inline(n.children);
        const depth = Math.min(4, Math.max(2, n.depth)) as 2 | 3 | 4;
        return children.length ? [{ type: 'heading', depth, children }] : [];
      }
      case 'blockquote':
        return [{ type: 'blockquote', children: blocks(n.children) as never }];
      case 'list':
        return [{
          type: 'list', ordered: n.ordered ?? false, start: n.ordered ? (n.start ?? 1) : null, spread: n.spread ?? false,
          children: n.children.map((li): ListItem => ({
            type: 'listItem', spread: li.spread ?? false, checked: li.checked ?? null, children: blocks(li.children) as never,
          })),
        }];
      case 'code': {
        const lang = n.lang && /^[\w+#.-]{1,30}$/.test(n.lang) ? n.lang : null;
        return [{ type: 'code', lang, meta: null, value: asEscaped(n.value) }];
      }
      case 'math':
        return [{ type: 'math', value: asEscaped(n.value) } as RootContent];
      case 'thematicBreak':
        return [{ type: 'thematicBreak' }];
      case 'table':
        return [{
          type: 'table', align: n.align ?? null,
          children: n.children.map((row): TableRow => ({
            type: 'tableRow', children: row.children.map((cell): TableCell => ({ type: 'tableCell', children: inline(cell.children) })),
          })),
        }];
      case 'html': {
        report.html++;
        return n.value.trim() ? [{ type: 'paragraph', children: [text(asEscaped(n.value))] }] : [];
      }
      case 'definition':
        return [];
      case 'footnoteDefinition': {
        const inner = blocks(n.children);
        const label = text(`[^${n.label ?? n.identifier}]: `);
        const first = inner[0];
        if (first?.type === 'paragraph') first.children.unshift(label);
        else inner.unshift({ type: 'paragraph', children: [label] });
        return inner;
      }
      default: {
        // Phrasing content at block level cannot come from the parser; anything else unknown is kept as text.
        report.other.add(n.type);
        const value = toPlainText(n as never);
        return value.trim() ? [{ type: 'paragraph', children: [text(asEscaped(value))] } satisfies Paragraph] : [];
      }
    }
  }

  return { blocks, inline, report, imageLinks };
}

/** Adjacent text nodes → one (HTML turned to text splits runs; one node reads better and splits lines cleanly). */
function mergeText(nodes: PhrasingContent[]): PhrasingContent[] {
  const out: PhrasingContent[] = [];
  for (const n of nodes) {
    const prev = out[out.length - 1];
    if (n.type === 'text' && prev?.type === 'text') prev.value += n.value;
    else out.push(n.type === 'text' ? { ...n } : n);
  }
  return out.filter((n) => n.type !== 'text' || n.value !== '');
}

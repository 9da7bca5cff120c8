/**
 * Untrusted HTML → mdast restricted to the node types `SourceRecord.body` allows.
 *
 *   parse (hast-util-from-html) → TeX from KaTeX/MathML/MathJax kept as math
 *   → sanitise (allow-list) → hast-util-to-mdast → enforce the allow-list on mdast
 *   → optional `$…$` math → repair leftover Markdown emphasis.
 *
 * Generic on purpose: review pages, Telegram exports and anything else with an HTML
 * body go through here; source-specific clean-up belongs in the adapters.
 */
import type { Element, ElementContent, Root as HastRoot, RootContent as HastRootContent } from 'hast';
import type {
  Nodes as MdastNodes,
  PhrasingContent,
  Root as MdastRoot,
  RootContent,
  Text,
} from 'mdast';
import { fromHtml } from 'hast-util-from-html';
import { defaultSchema, sanitize, type Schema } from 'hast-util-sanitize';
import { defaultHandlers, toMdast, type State } from 'hast-util-to-mdast';
import { toText } from 'hast-util-to-text';
import { safeUrl } from './links.ts';
import { splitMath, text } from './mdast.ts';

export interface HtmlToMdastOptions {
  /** Turn `$…$` spans in text into inlineMath (Pandoc rule, see `splitMath`). Default false. */
  math?: boolean;
  /** Resolve relative `href`/`src` against this URL; without it relative links become plain text. */
  baseUrl?: string;
  /** Pair literal `**…**` / `*…*` left in text by a broken Markdown renderer. Default true. */
  repairEmphasis?: boolean;
}

/** Elements whose content is never text a reader should see. */
const STRIP = ['script', 'style', 'template', 'noscript', 'iframe', 'object', 'embed', 'svg', 'canvas', 'head', 'title', 'button', 'select', 'textarea'];

const SCHEMA: Schema = {
  ...defaultSchema,
  strip: STRIP,
  // Ids and names are useless in a body and only invite clobbering.
  clobber: [],
  attributes: {
    ...defaultSchema.attributes,
    '*': (defaultSchema.attributes?.['*'] ?? []).filter((a) => a !== 'id' && a !== 'name'),
    code: [['className', /^language-[\w+#.-]+$/]],
  },
};

const MATH_CLASS = 'language-math';

export function htmlToMdast(input: string | HastRoot, opts: HtmlToMdastOptions = {}): MdastRoot {
  const hast = typeof input === 'string' ? fromHtml(input, { fragment: true }) : structuredClone(input);
  texToCode(hast);
  const clean = sanitize(hast, SCHEMA) as HastRoot;
  const mdast = toMdast(clean, { handlers: HANDLERS }) as MdastRoot;
  const ctx: Ctx = { base: opts.baseUrl, inLink: false };
  const body: MdastRoot = { type: 'root', children: enforceBlocks(mdast.children as MdastNodes[], ctx) };
  if (opts.math) mapPhrasingParents(body, (kids) => kids.flatMap((k) => (k.type === 'text' ? (splitMath(k.value) as PhrasingContent[]) : [k])));
  if (opts.repairEmphasis !== false) mapPhrasingParents(body, repairEmphasis);
  return body;
}

// ---------------------------------------------------------------------------
// Math: rendered math keeps its TeX source only in an annotation; pull it out
// before sanitising (which would leave the rendered glyph soup as text).

function texToCode(node: HastRoot | Element): void {
  const kids = node.children as (ElementContent | HastRootContent)[];
  for (let i = 0; i < kids.length; i++) {
    const child = kids[i]!;
    if (child.type !== 'element') continue;
    const tex = texOf(child);
    if (tex === undefined) {
      texToCode(child);
      continue;
    }
    const code: Element = { type: 'element', tagName: 'code', properties: { className: [MATH_CLASS] }, children: [{ type: 'text', value: tex.value }] };
    kids[i] = tex.display ? { type: 'element', tagName: 'pre', properties: {}, children: [code] } : code;
  }
}

function classes(el: Element): string[] {
  const c: unknown = el.properties?.className;
  return Array.isArray(c) ? c.map(String) : typeof c === 'string' ? c.split(/\s+/) : [];
}

function texOf(el: Element): { value: string; display: boolean } | undefined {
  const cls = classes(el);
  if (el.tagName === 'script') {
    const type = String(el.properties?.type ?? '');
    if (!/^math\/tex/i.test(type)) return undefined;
    return { value: toText(el).trim(), display: /mode=display/i.test(type) };
  }
  const isKatex = cls.includes('katex') || cls.includes('katex-display');
  if (!isKatex && el.tagName !== 'math') return undefined;
  const ann = findAnnotation(el);
  if (ann === undefined) return undefined;
  const display = cls.includes('katex-display') || el.properties?.display === 'block' || hasDescendantClass(el, 'katex-display');
  return { value: ann.trim(), display };
}

function findAnnotation(el: Element): string | undefined {
  for (const c of el.children) {
    if (c.type !== 'element') continue;
    if (c.tagName === 'annotation' && /tex/i.test(String(c.properties?.encoding ?? ''))) return toText(c);
    const found = findAnnotation(c);
    if (found !== undefined) return found;
  }
  return undefined;
}

function hasDescendantClass(el: Element, name: string): boolean {
  return el.children.some((c) => c.type === 'element' && (classes(c).includes(name) || hasDescendantClass(c, name)));
}

const HANDLERS = {
  code(state: State, node: Element) {
    if (classes(node).includes(MATH_CLASS)) return { type: 'inlineMath', value: toText(node) } as never;
    return defaultHandlers.code!(state, node);
  },
  pre(state: State, node: Element) {
    const code = node.children.find((c): c is Element => c.type === 'element' && c.tagName === 'code');
    if (code && classes(code).includes(MATH_CLASS)) return { type: 'math', value: toText(code).replace(/\n+$/, '') } as never;
    return defaultHandlers.pre!(state, node);
  },
};

// ---------------------------------------------------------------------------
// The allow-list, enforced on the mdast (hast-util-to-mdast can emit images,
// definitions, html…; none of them may reach the site).

interface Ctx {
  base?: string;
  inLink: boolean;
}

const PHRASING_PARENTS = new Set(['paragraph', 'heading', 'tableCell', 'strong', 'emphasis', 'delete', 'link']);

function enforceBlocks(nodes: MdastNodes[], ctx: Ctx): RootContent[] {
  const out: RootContent[] = [];
  let loose: PhrasingContent[] = [];
  const flush = () => {
    if (loose.some((n) => n.type !== 'text' || n.value.trim() !== '')) out.push({ type: 'paragraph', children: trimEdges(loose) });
    loose = [];
  };
  for (const n of nodes) {
    const block = enforceBlock(n, ctx);
    if (block === 'phrasing') {
      loose.push(...enforceInline([n], ctx));
      continue;
    }
    flush();
    out.push(...block);
  }
  flush();
  return out;
}

function enforceBlock(n: MdastNodes, ctx: Ctx): RootContent[] | 'phrasing' {
  switch (n.type) {
    case 'paragraph': {
      const children = trimEdges(enforceInline(n.children, ctx));
      return children.length ? [{ type: 'paragraph', children }] : [];
    }
    case 'heading': {
      const children = trimEdges(enforceInline(n.children, ctx));
      const depth = Math.min(4, Math.max(2, n.depth)) as 2 | 3 | 4;
      return children.length ? [{ type: 'heading', depth, children }] : [];
    }
    case 'blockquote': {
      const children = enforceBlocks(n.children, ctx);
      return children.length ? [{ type: 'blockquote', children: children as never }] : [];
    }
    case 'list': {
      const items = n.children.map((li) => ({ type: 'listItem' as const, spread: false, children: enforceBlocks(li.children, ctx) as never }));
      return items.length ? [{ type: 'list', ordered: n.ordered ?? false, start: n.ordered ? (n.start ?? 1) : undefined, spread: false, children: items }] : [];
    }
    case 'listItem':
      return enforceBlocks(n.children, ctx);
    case 'code': {
      const lang = n.lang && /^[\w+#.-]{1,40}$/.test(n.lang) ? n.lang : undefined;
      return [{ type: 'code', lang: lang ?? null, meta: null, value: n.value }];
    }
    case 'math' as string:
      return [{ type: 'math', value: (n as { value: string }).value } as RootContent];
    case 'thematicBreak':
      return [{ type: 'thematicBreak' }];
    case 'table': {
      const rows = n.children.map((row) => ({
        type: 'tableRow' as const,
        children: row.children.map((cell) => ({ type: 'tableCell' as const, children: trimEdges(enforceInline(cell.children, ctx)) })),
      }));
      return rows.length ? [{ type: 'table', align: n.align ?? null, children: rows }] : [];
    }
    case 'html':
    case 'definition':
    case 'footnoteDefinition':
    case 'yaml':
      return [];
    default:
      if (isPhrasing(n)) return 'phrasing';
      return 'children' in n ? enforceBlocks(n.children as MdastNodes[], ctx) : [];
  }
}

const INLINE_TYPES = new Set(['text', 'strong', 'emphasis', 'delete', 'inlineCode', 'link', 'break', 'inlineMath', 'image', 'imageReference', 'linkReference', 'footnoteReference', 'html']);
function isPhrasing(n: MdastNodes): boolean {
  return INLINE_TYPES.has(n.type);
}

function enforceInline(nodes: readonly MdastNodes[], ctx: Ctx): PhrasingContent[] {
  const out: PhrasingContent[] = [];
  for (const n of nodes) {
    switch (n.type) {
      case 'text':
        out.push(text(n.value));
        break;
      case 'break':
        out.push({ type: 'break' });
        break;
      case 'inlineCode':
        out.push({ type: 'inlineCode', value: n.value });
        break;
      case 'inlineMath' as string:
        out.push({ type: 'inlineMath', value: (n as { value: string }).value } as PhrasingContent);
        break;
      case 'strong':
      case 'emphasis':
      case 'delete': {
        const children = enforceInline(n.children, ctx);
        if (children.length) out.push({ type: n.type, children } as PhrasingContent);
        break;
      }
      case 'link': {
        const children = enforceInline(n.children, { ...ctx, inLink: true });
        const url = ctx.inLink ? undefined : resolveUrl(n.url, ctx.base);
        if (!url) out.push(...children);
        else out.push({ type: 'link', url, children: children.length ? children : [text(url)] });
        break;
      }
      case 'image': {
        // No image nodes on the site: an image becomes a link to it (or just its alt text).
        const url = ctx.inLink ? undefined : resolveUrl(n.url, ctx.base);
        const label = (n.alt ?? '').trim() || (n.title ?? '').trim() || (url ? fileName(url) : '');
        if (url) out.push({ type: 'link', url, children: [text(label || url)] });
        else if (label) out.push(text(label));
        break;
      }
      case 'imageReference':
        if (n.alt) out.push(text(n.alt));
        break;
      case 'html':
      case 'footnoteReference':
        break;
      default:
        if ('children' in n) out.push(...enforceInline(n.children as MdastNodes[], ctx));
        else if ('value' in n && typeof n.value === 'string') out.push(text(n.value));
    }
  }
  return mergeText(out);
}

function resolveUrl(raw: string | null | undefined, base: string | undefined): string | undefined {
  if (!raw) return undefined;
  let url = raw.trim();
  if (!/^[a-z][a-z0-9+.-]*:/i.test(url.replace(/[\u0000-\u0020\u007f]+/g, ''))) {
    if (!base) return undefined;
    try {
      url = new URL(url, base).href;
    } catch {
      return undefined;
    }
  }
  const safe = safeUrl(url);
  return safe && !safe.startsWith('/') && !safe.startsWith('#') ? safe : undefined;
}

function fileName(url: string): string {
  try {
    const last = new URL(url).pathname.split('/').filter(Boolean).pop();
    return last ? decodeURIComponentSafe(last) : url;
  } catch {
    return url;
  }
}

function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

function mergeText(nodes: PhrasingContent[]): PhrasingContent[] {
  const out: PhrasingContent[] = [];
  for (const n of nodes) {
    const prev = out[out.length - 1];
    if (n.type === 'text' && prev?.type === 'text') prev.value += n.value;
    else if (n.type !== 'text' || n.value !== '') out.push(n);
  }
  return out;
}

/** Leading/trailing whitespace and breaks of a block's phrasing are noise. */
function trimEdges(nodes: PhrasingContent[]): PhrasingContent[] {
  const out = [...nodes];
  while (out[0]?.type === 'break') out.shift();
  while (out[out.length - 1]?.type === 'break') out.pop();
  const first = out[0];
  if (first?.type === 'text') out[0] = text(first.value.replace(/^\s+/, ''));
  const last = out[out.length - 1];
  if (last?.type === 'text') out[out.length - 1] = text(last.value.replace(/\s+$/, ''));
  return out.filter((n) => n.type !== 'text' || n.value !== '');
}

/** Apply `fn` to the children of every node whose children are phrasing, innermost first. */
function mapPhrasingParents(node: MdastRoot | RootContent, fn: (kids: PhrasingContent[]) => PhrasingContent[]): void {
  if (!('children' in node)) return;
  for (const c of node.children as RootContent[]) if (c.type !== 'inlineCode') mapPhrasingParents(c, fn);
  if (PHRASING_PARENTS.has(node.type)) (node as { children: PhrasingContent[] }).children = mergeText(fn((node as { children: PhrasingContent[] }).children));
}

// ---------------------------------------------------------------------------
// Leftover Markdown emphasis. Renderers that follow CommonMark's flanking rules
// leave `**BroRL (N=512)**은` as literal asterisks (a closing `**` after
// punctuation and before a letter does not close), and half-convert runs like
// `**A, V*, B**` into `<em><em>A, V</em>, B</em>*`. We re-serialise such a run
// of phrasing (emphasis → `*`, strong → `**`) and pair the delimiters again with
// a lenient rule: a run opens before a non-space and closes after a non-space,
// and only runs of equal length pair. Unpaired asterisks stay literal text.

const PUA_START = 0xe000;
const PUA_RE = /[\ue000-\uf8ff]/;

export function repairEmphasis(kids: PhrasingContent[]): PhrasingContent[] {
  if (!hasLiteralStar(kids)) return kids;
  const atoms: PhrasingContent[] = [];
  const src = serialise(kids, atoms);
  if (src === undefined) return kids;
  return build(src, pairRuns(src), 0, src.length, atoms);
}

function hasLiteralStar(kids: PhrasingContent[]): boolean {
  return kids.some((k) => (k.type === 'text' ? k.value.includes('*') : (k.type === 'strong' || k.type === 'emphasis') && hasLiteralStar(k.children)));
}

/** Phrasing → a string where atoms (code, links, math…) are private-use placeholders. */
function serialise(kids: PhrasingContent[], atoms: PhrasingContent[]): string | undefined {
  let s = '';
  for (const k of kids) {
    if (k.type === 'text') {
      if (PUA_RE.test(k.value)) return undefined;
      s += k.value;
    } else if (k.type === 'strong' || k.type === 'emphasis') {
      const inner = serialise(k.children, atoms);
      if (inner === undefined) return undefined;
      const mark = k.type === 'strong' ? '**' : '*';
      s += mark + inner + mark;
    } else {
      atoms.push(k);
      s += String.fromCharCode(PUA_START + atoms.length - 1);
    }
  }
  return s;
}

interface Run {
  start: number;
  end: number;
}

/** Matched delimiter runs: opener start → closer run. */
function pairRuns(s: string): Map<number, Run> {
  const pairs = new Map<number, Run>();
  const stack: Run[] = [];
  for (const m of s.matchAll(/\*+/g)) {
    const run = { start: m.index!, end: m.index! + m[0].length };
    const len = run.end - run.start;
    const prev = s[run.start - 1];
    const next = s[run.end];
    const canClose = prev !== undefined && !/\s/.test(prev);
    const canOpen = next !== undefined && !/\s/.test(next);
    if (canClose) {
      let j = stack.length - 1;
      while (j >= 0 && stack[j]!.end - stack[j]!.start !== len) j--;
      if (j >= 0 && len <= 3) {
        pairs.set(stack[j]!.start, run);
        stack.length = j;
        continue;
      }
    }
    if (canOpen && len <= 3) stack.push(run);
  }
  return pairs;
}

function build(s: string, pairs: Map<number, Run>, from: number, to: number, atoms: PhrasingContent[]): PhrasingContent[] {
  const out: PhrasingContent[] = [];
  let buf = '';
  const flushText = () => {
    for (const part of buf.split(/([\ue000-\uf8ff])/)) {
      if (!part) continue;
      const code = part.charCodeAt(0);
      if (part.length === 1 && code >= PUA_START && code <= 0xf8ff) out.push(atoms[code - PUA_START]!);
      else out.push(text(part));
    }
    buf = '';
  };
  let i = from;
  while (i < to) {
    const closer = pairs.get(i);
    if (closer && closer.end <= to) {
      flushText();
      let len = 0;
      while (s[i + len] === '*') len++;
      const inner = mergeText(build(s, pairs, i + len, closer.start, atoms));
      const node: PhrasingContent =
        len === 1 ? { type: 'emphasis', children: inner }
        : len === 2 ? { type: 'strong', children: inner }
        : { type: 'strong', children: [{ type: 'emphasis', children: inner }] };
      out.push(node);
      i = closer.end;
      continue;
    }
    buf += s[i];
    i++;
  }
  flushText();
  return mergeText(out);
}

/**
 * The fast rendering path for generated source entries.
 *
 * Source bodies are MDX-safe Markdown with no JSX or expressions (see
 * src/pipeline/emit.ts), so they do not need the MDX compiler — the slowest
 * step of a naive build. They are parsed as CommonMark + GFM + math straight
 * to mdast → hast → HTML; KaTeX runs only when the body has math, so pages
 * without math ship no KaTeX CSS. Heading ids are stable slugs of their text.
 */
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { gfm } from 'micromark-extension-gfm';
import { math } from 'micromark-extension-math';
import { mathFromMarkdown } from 'mdast-util-math';
import { toHast } from 'mdast-util-to-hast';
import { toHtml } from 'hast-util-to-html';
import rehypeKatex from 'rehype-katex';
import { VFile } from 'vfile';
import GithubSlugger from 'github-slugger';
import type { Root as HastRoot, Element } from 'hast';
import type { Root as MdastRoot } from 'mdast';
import { visit } from 'unist-util-visit';

export interface RenderedBody {
  html: string;
  headings: { depth: number; slug: string; text: string }[];
  hasMath: boolean;
}

/** `base`: the site's base path (`/` or `/kb/`), prefixed to root-relative links. */
export function renderBody(markdown: string, base = '/'): RenderedBody {
  const mdast = fromMarkdown(markdown, {
    extensions: [gfm(), math({ singleDollarTextMath: true })],
    mdastExtensions: [gfmFromMarkdown(), mathFromMarkdown()],
  });
  return renderMdast(mdast, base);
}

/**
 * The same rendering from a tree the ingest already holds: no Markdown parse.
 * Tests check it equals `renderBody(bodyToMarkdown(tree))`.
 */
export function renderMdast(mdast: MdastRoot, base = '/'): RenderedBody {
  // Trees built by adapters lack the hast hints mdast-util-math adds while parsing; add them
  // so math renders the same from either path (this sets node data on the given tree).
  visit(mdast, (node) => {
    if (node.type === 'inlineMath' && !node.data?.hName) {
      node.data = { ...node.data, hName: 'code', hProperties: { className: ['language-math', 'math-inline'] }, hChildren: [{ type: 'text', value: (node as { value: string }).value }] } as never;
    } else if (node.type === 'math' && !node.data?.hName) {
      const code = { type: 'element', tagName: 'code', properties: { className: ['language-math', 'math-display'] }, children: [{ type: 'text', value: (node as { value: string }).value }] };
      node.data = { ...node.data, hName: 'pre', hChildren: [code] } as never;
    }
  });
  // Source HTML was sanitised at ingest and escaped at emission; `allowDangerousHtml`
  // stays off here so any raw HTML a person might type into an entry is dropped, not rendered.
  const hast = toHast(mdast) as HastRoot;
  const slugger = new GithubSlugger();
  const headings: RenderedBody['headings'] = [];
  let hasMath = false;
  const prefix = base.endsWith('/') ? base.slice(0, -1) : base;
  visit(hast, 'element', (node: Element) => {
    if (/^h[1-6]$/.test(node.tagName)) {
      const text = hastText(node);
      const slug = slugger.slug(text) || `section-${headings.length + 1}`;
      node.properties.id = slug;
      headings.push({ depth: Number(node.tagName[1]), slug, text });
    }
    const cls = node.properties.className;
    if (Array.isArray(cls) && (cls.includes('math-inline') || cls.includes('math-display'))) hasMath = true;
    if (node.tagName === 'a' && typeof node.properties.href === 'string') {
      const href = node.properties.href;
      if (href.startsWith('/') && !href.startsWith('//')) node.properties.href = prefix + href;
      else if (/^https?:/i.test(href)) node.properties.rel = ['noopener', 'nofollow'];
    }
  });
  // rehype-katex reports bad TeX on the file and renders it as an error span: a typo in a
  // formula never fails the build. `trust: false` keeps \href/\url and friends inert.
  if (hasMath) rehypeKatex({ output: 'htmlAndMathml', strict: 'ignore', trust: false })(hast, new VFile());
  return { html: toHtml(hast), headings, hasMath };
}

function hastText(node: { type: string; value?: string; children?: unknown[] }): string {
  if (node.type === 'text') return node.value ?? '';
  return Array.isArray(node.children) ? (node.children as (typeof node)[]).map(hastText).join('') : '';
}

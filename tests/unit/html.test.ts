/** htmlToMdast: the allow-list, sanitising, and the repair of leftover Markdown emphasis. */
import { describe, expect, it } from 'vitest';
import type { Root } from 'mdast';
import { htmlToMdast, repairEmphasis } from '../../src/pipeline/util/html.ts';
import { bodyToMarkdown } from '../../src/pipeline/emit.ts';
import { text } from '../../src/pipeline/util/mdast.ts';

const md = (html: string, opts = {}) => bodyToMarkdown(htmlToMdast(html, opts)).trim();

const ALLOWED = new Set([
  'root', 'paragraph', 'heading', 'blockquote', 'list', 'listItem', 'code', 'thematicBreak', 'math', 'table', 'tableRow', 'tableCell',
  'text', 'strong', 'emphasis', 'delete', 'inlineCode', 'link', 'break', 'inlineMath',
]);
function types(node: { type: string; children?: unknown[] }, out = new Set<string>()): Set<string> {
  out.add(node.type);
  for (const c of (node.children ?? []) as { type: string }[]) types(c, out);
  return out;
}

describe('htmlToMdast: leftover Markdown', () => {
  it.each([
    ['literal bold with a Korean particle', '<p>**BroRL (N=512)**은 좋다</p>', '**BroRL (N=512)**&#xC740; 좋다'],
    ['two literal bolds in one text', '<p>**a**와 **b (c)**를</p>', '**a**와 **b (c)**&#xB97C;'],
    ['broken nested emphasis', '<p>(<em><em>A-OKVQA, POPE, V</em>, TextVQA</em>*)에서</p>', '(**A-OKVQA, POPE, V\\*, TextVQA**)에서'],
    ['star before emphasis', '<p>모델은 *<em>V</em> 데이터셋**에서</p>', '모델은 **V\\* 데이터셋**에서'],
    ['bold around inline code', '<p>**<code>x</code> 값**이</p>', '**`x` 값**이'],
    ['unpaired stars stay text', '<p>2 * 3 = 6, p &lt; 0.05*</p>', '2 \\* 3 = 6, p \\< 0.05\\*'],
    ['real emphasis untouched', '<p><strong>A</strong> and <em>b</em></p>', '**A** and _b_'],
  ])('%s', (_name, html, want) => expect(md(html)).toBe(want));

  it('pairs bold around math when math is on', () => {
    expect(md('<p>**$p_{\\theta}(x)$**를</p>', { math: true })).toBe('**$p_{\\theta}(x)$**&#xB97C;');
  });
  it('leaves $ alone without the math option', () => {
    expect(md('<p>$x$ costs $5</p>')).toBe('\\$x\\$ costs \\$5');
  });
  it('repairEmphasis keeps input without stars as is', () => {
    const kids = [text('plain')];
    expect(repairEmphasis(kids)).toBe(kids);
  });
});

describe('htmlToMdast: structure', () => {
  it('maps tables, code, images, headings and lists to allowed nodes only', () => {
    const tree: Root = htmlToMdast(
      `<h1>H1</h1><h6>H6</h6><table><tr><th>a</th></tr><tr><td><img src="https://x.org/i.png" alt="pic"></td></tr></table>
       <pre><code class="language-ts">const a = 1;</code></pre><ul><li><p>one</p></li><li>two<br>lines</li></ul>
       <dl><dt>term</dt><dd>def</dd></dl><p><sup>1</sup><del>gone</del> <a href="https://x.org"><img src="https://x.org/b.png" alt="badge"></a></p><hr>`,
    );
    for (const t of types(tree)) expect(ALLOWED.has(t), t).toBe(true);
    const out = bodyToMarkdown(tree);
    expect(out).toContain('## H1');
    expect(out).toContain('#### H6');
    expect(out).toContain('[pic](https://x.org/i.png)');
    expect(out).toContain('```ts\nconst a = 1;\n```');
    expect(out).toContain('[badge](https://x.org)');
  });

  it('turns KaTeX and MathML annotations into math', () => {
    const out = md(
      '<p>x <span class="katex"><math><semantics><mi>a</mi><annotation encoding="application/x-tex">a^2</annotation></semantics></math><span class="katex-html">a2</span></span></p>' +
        '<span class="katex-display"><span class="katex"><math><annotation encoding="application/x-tex">\\sum_i</annotation></math></span></span>',
    );
    expect(out).toBe('x $a^2$\n\n$$\n\\sum_i\n$$');
  });

  it('resolves relative links against baseUrl and drops them without one', () => {
    expect(md('<p><a href="/a/b">rel</a></p>', { baseUrl: 'https://blog.example/x/' })).toBe('[rel](https://blog.example/a/b)');
    expect(md('<p><a href="/a/b">rel</a> <a href="#top">top</a></p>')).toBe('rel top');
  });
});

describe('htmlToMdast: hostile input stays inert text', () => {
  const hostile = `<script>alert(1)</script><style>p{}</style><iframe src="https://evil"></iframe><svg onload="x()"><text>svg</text></svg>
    <p onclick="x()">click <a href="javascript:alert(1)">js</a> <a href=" JaVa&#x09;script:alert(1)">tab</a> <a href="data:text/html,x">data</a>
    <img src="x" onerror="alert(1)" alt="img"></p><p>{props.x}</p><p>import x from 'y'</p><p>export default 1</p><p>&lt;Comp /&gt;</p><!-- <b>c</b> -->`;
  const tree = htmlToMdast(hostile);
  const out = bodyToMarkdown(tree);
  it('keeps only allowed nodes', () => {
    for (const t of types(tree)) expect(ALLOWED.has(t), t).toBe(true);
  });
  it('drops scripts, styles, frames, svg and unsafe URLs', () => {
    expect(out).not.toMatch(/alert|svg|evil|javascript|data:|p\{\}/i);
    expect(out).toContain('click js tab data img');
  });
  it('escapes MDX syntax in text', () => {
    expect(out).toContain('\\{props.x}');
    expect(out).toContain('&#105;mport x from');
    expect(out).toContain('&#101;xport default 1');
    expect(out).toContain('\\<Comp />');
  });
});

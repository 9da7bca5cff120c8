/**
 * The `div.text` of a tdesktop HTML export → the same text parts the JSON
 * export has, so both formats share one mdast conversion (parts.ts).
 *
 * The writer (export_output_html.cpp, FormatText) emits one tag per entity and
 * never nests them; `\n` became `<br>`, so literal newlines in the markup are
 * only the writer's indentation.
 */
import type { Element, ElementContent } from 'hast';
import type { TextPart } from './parts.ts';

/** A run of text and the element part it came from (runs of one element are merged). */
interface Run {
  part: TextPart;
  source?: TextPart;
}

export function htmlTextParts(el: Element): TextPart[] {
  const runs: Run[] = [];
  walk(el.children, undefined, runs);
  // The writer puts the text on its own line inside the div: trim that indentation.
  const first = runs[0]?.part;
  if (first) first.text = first.text.replace(/^[ \t\n]+/, '');
  const last = runs.at(-1)?.part;
  if (last) last.text = last.text.replace(/[ \t\n]+$/, '');
  return runs.map((r) => r.part).filter((p) => p.text !== '');
}

function walk(nodes: ElementContent[], outer: TextPart | undefined, out: Run[]) {
  for (const node of nodes) {
    if (node.type === 'text') {
      const value = outer?.type === 'pre' ? node.value : node.value.replace(/\n[ \t]*/g, '');
      push(out, outer, value);
    } else if (node.type === 'element') {
      if (node.tagName === 'br') {
        push(out, outer, '\n');
        continue;
      }
      if (outer) {
        // Nested markup only comes from newer writers; the outer entity wins, as in tdesktop's own parser.
        walk(node.children, outer, out);
        continue;
      }
      const part = partFor(node);
      walk(node.children, part, out);
    }
  }
}

function push(out: Run[], source: TextPart | undefined, value: string) {
  if (!value) return;
  const prev = out.at(-1);
  // Text of one element (split by <br>) is one part; so are adjacent plain runs.
  if (prev && prev.source === source) {
    prev.part.text += value;
    return;
  }
  const part: TextPart = { type: source?.type ?? 'plain', text: value };
  if (source?.href !== undefined) part.href = source.href;
  if (source?.language !== undefined) part.language = source.language;
  out.push({ part, source });
}

const TAG_TYPES: Record<string, string> = {
  strong: 'bold', b: 'bold', em: 'italic', i: 'italic', u: 'underline', s: 'strikethrough', strike: 'strikethrough',
  del: 'strikethrough', code: 'code', pre: 'pre', blockquote: 'blockquote',
};

function partFor(el: Element): TextPart | undefined {
  const cls = classes(el);
  if (el.tagName === 'span' && cls.includes('spoiler')) return { type: 'spoiler', text: '' };
  if (el.tagName === 'a') return linkPart(el);
  const type = TAG_TYPES[el.tagName];
  if (!type) return undefined;
  if (type === 'pre') {
    const code = el.children.find((c): c is Element => c.type === 'element' && c.tagName === 'code');
    const lang = code ? classes(code).find((c) => c.startsWith('language-'))?.slice(9) : undefined;
    return { type, text: '', language: lang };
  }
  return { type, text: '' };
}

function linkPart(el: Element): TextPart {
  const href = typeof el.properties.href === 'string' ? el.properties.href : '';
  const onclick = String(el.properties.onClick ?? el.properties.onclick ?? '');
  const label = textOf(el).trim();
  if (/ShowHashtag/.test(onclick)) return { type: 'hashtag', text: '' };
  if (/ShowCashtag/.test(onclick)) return { type: 'cashtag', text: '' };
  if (/ShowBotCommand/.test(onclick)) return { type: 'bot_command', text: '' };
  if (/ShowMentionName/.test(onclick)) return { type: 'mention_name', text: '' };
  if (/Show\w*Emoji/.test(onclick)) return { type: 'custom_emoji', text: '' };
  if (/^mailto:/i.test(href)) return { type: 'email', text: '' };
  if (/^tel:/i.test(href)) return { type: 'phone', text: '' };
  if (label.startsWith('@') && /^https?:\/\/t\.me\/[A-Za-z0-9_]+$/i.test(href)) return { type: 'mention', text: '' };
  if (href && href === label) return { type: 'link', text: '' };
  // Custom emoji that were exported link to their file (a relative path); text links are absolute.
  if (href && !/^[a-z][a-z0-9+.-]*:/i.test(href) && !href.startsWith('#')) return { type: 'custom_emoji', text: '' };
  if (!href) return { type: 'plain', text: '' };
  return { type: 'text_link', text: '', href };
}

export function classes(el: Element): string[] {
  const c = el.properties.className;
  return Array.isArray(c) ? c.map(String) : c ? String(c).split(/\s+/) : [];
}

function textOf(el: Element): string {
  let s = '';
  for (const c of el.children) {
    if (c.type === 'text') s += c.value;
    else if (c.type === 'element') s += c.tagName === 'br' ? '\n' : textOf(c);
  }
  return s;
}

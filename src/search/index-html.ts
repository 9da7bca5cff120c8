/**
 * What Pagefind indexes for a page: its HTML plus a hidden, low-weight block of
 * the forms a reader may type (particle-stripped stems, script-boundary splits).
 * Pagefind splits words only at spaces and matches prefixes, so without this a
 * page whose only form is `모델을` is missed by `모델` on a big index, and
 * `KV캐시` is one word. Only the copy given to Pagefind is augmented.
 */
import { extraIndexTerms } from './terms.ts';

/** Text of the indexable part of a page: everything inside data-pagefind-body elements, tags removed (approximate is fine: it only feeds extra terms). */
function indexableText(html: string): string {
  const start = html.search(/<[^>]+\sdata-pagefind-body[\s>=]/);
  if (start < 0) return '';
  return html
    .slice(start)
    .replace(/<(script|style)[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&[a-z#0-9]+;/gi, ' ');
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function augmentForIndex(html: string): string {
  const terms = extraIndexTerms(indexableText(html));
  if (!terms.length) return html;
  // `kbstems` tells the search page how many trailing words are this block, so an
  // excerpt drawn only from it (a list of stems) can be replaced by the page's opening.
  const block = `<div data-pagefind-body data-pagefind-weight="0.5" hidden><span data-pagefind-meta="kbstems:${terms.length}"></span>${escapeHtml(terms.join(' '))}</div>`;
  const at = html.lastIndexOf('</body>');
  return at < 0 ? html + block : html.slice(0, at) + block + html.slice(at);
}


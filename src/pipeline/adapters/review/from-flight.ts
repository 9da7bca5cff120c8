/**
 * A review page from flight rows: the page tree is found by its class names
 * (`page__title`, `page__content`, `page__taxonomy`), the body by the
 * `"__html":"$<id>"` reference, never by row ids (they shift between builds).
 */
import { IngestError, type ParseResult } from '../../types.ts';
import { classList, elementText, findSlugParam, refId, walkElements, type FlightElement, type FlightRow } from './flight.ts';
import type { ReviewPage } from './page.ts';

interface Found {
  el: FlightElement;
  ancestors: FlightElement[];
  row: FlightRow;
}

export function pageFromFlight(rows: FlightRow[], file: string, warnings: ParseResult['warnings'], where = ''): ReviewPage {
  const all: Found[] = [];
  const byId = new Map<string, FlightRow>();
  for (const row of rows) {
    if (byId.has(row.id)) warnings.push({ location: `${where}row ${row.id}, byte ${row.offset}`, message: 'duplicate row id; the first row is used' });
    else byId.set(row.id, row);
    if (row.kind === 'invalid') {
      warnings.push({ location: `${where}row ${row.id}, byte ${row.offset}`, message: `row is not valid JSON, skipped (${row.error})` });
    }
    if (row.kind !== 'json') continue;
    walkElements(row.value, (el, ancestors) => all.push({ el, ancestors, row }));
  }

  const titleAt = all.find((f) => f.el.type === 'h1' && classList(f.el).includes('page__title') && elementText(f.el.props.children).trim() !== '');
  if (!titleAt) throw new IngestError(file, `${where}rows`, 'no h1.page__title element with text in the page tree');
  // Everything else is looked up inside the title's article, so sidebars and related-post lists cannot leak in.
  const article = [...titleAt.ancestors].reverse().find((a) => a.type === 'article');
  const inScope = article ? all.filter((f) => f.el === article || f.ancestors.includes(article)) : all;

  const bodyAt =
    pickBody(inScope.filter((f) => f.ancestors.some((a) => classList(a).includes('page__content')))) ?? pickBody(inScope) ?? pickBody(all);
  if (!bodyAt) {
    throw new IngestError(file, `${where}row ${titleAt.row.id}`, 'no "dangerouslySetInnerHTML":{"__html":…} body in the page tree');
  }
  let body: string;
  let location: string;
  const ref = refId(bodyAt.html);
  if (ref !== undefined) {
    const row = byId.get(ref);
    // Short bodies may travel as a JSON string row instead of a `T` row.
    const value = row?.kind === 'text' || (row?.kind === 'json' && typeof row.value === 'string') ? (row.value as string) : undefined;
    if (value === undefined) {
      throw new IngestError(file, `${where}row ${bodyAt.row.id}`, `the body reference "$${ref}" names no text row`);
    }
    body = value;
    location = `${where}row ${ref}`;
  } else {
    body = bodyAt.html;
    location = `${where}row ${bodyAt.row.id}`;
  }

  const time = inScope.find((f) => f.el.type === 'time' && typeof (f.el.props.dateTime ?? f.el.props.datetime) === 'string');
  const updated = inScope.find((f) => /^\s*(수정|updated|modified)\s*:/i.test(elementText(f.el.props.children)));

  const tags: string[] = [];
  for (const tax of inScope.filter((f) => classList(f.el).includes('page__taxonomy'))) {
    const inside = all.filter((f) => f.ancestors.includes(tax.el));
    const heading = inside.find((f) => /^(h[1-6]|strong)$/.test(f.el.type));
    if (heading && /카테고리|categor/i.test(elementText(heading.el.props.children))) continue;
    for (const item of inside.filter((f) => classList(f.el).includes('page__taxonomy-item'))) {
      tags.push(elementText(item.el.props.children));
    }
  }

  let slugPath: string | undefined;
  for (const row of rows) {
    if (row.kind === 'json' && (slugPath = findSlugParam(row.value)) !== undefined) break;
  }
  if (slugPath === undefined) {
    for (const row of rows) {
      const canon = row.kind === 'json' ? findProp(row.value, 'initialCanonicalUrl') : undefined;
      if (canon) {
        slugPath = canon;
        break;
      }
    }
  }

  const meta = (key: string) => all.find((f) => f.el.type === 'meta' && (f.el.props.property === key || f.el.props.name === key))?.el.props.content;
  const canonical = all.find((f) => f.el.type === 'link' && f.el.props.rel === 'canonical')?.el.props.href;
  const titleTag = all.find((f) => f.el.type === 'title');
  const str = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : undefined);

  return {
    title: elementText(titleAt.el.props.children),
    published: str(time?.el.props.dateTime ?? time?.el.props.datetime),
    updated: updated ? elementText(updated.el.props.children) : undefined,
    tags,
    slugPath,
    siteName: str(meta('og:site_name')) ?? str(titleTag && elementText(titleTag.el.props.children)),
    siteUrl: str(meta('og:url')) ?? str(canonical),
    body,
    location,
  };
}

function pickBody(found: Found[]): (Found & { html: string }) | undefined {
  for (const f of found) {
    const inner = f.el.props.dangerouslySetInnerHTML as { __html?: unknown } | undefined;
    if (f.el.type === 'script' || f.el.type === 'style') continue;
    if (inner && typeof inner.__html === 'string') return { ...f, html: inner.__html };
  }
  return undefined;
}

function findProp(value: unknown, key: string): string | undefined {
  if (!value || typeof value !== 'object') return undefined;
  if (!Array.isArray(value) && typeof (value as Record<string, unknown>)[key] === 'string') return (value as Record<string, string>)[key];
  for (const v of Array.isArray(value) ? value : Object.values(value)) {
    const found = findProp(v, key);
    if (found !== undefined) return found;
  }
  return undefined;
}

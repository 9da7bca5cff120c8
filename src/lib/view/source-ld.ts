/** schema.org JSON-LD for a source page, typed by source kind. */
import type { SourceData } from '../../schema/source.ts';
import { absolute, sourcePath, topicPath } from '../urls.ts';
import { httpUrl } from './text.ts';

/** `topicName` resolves a mention's `<kind>/<slug>` to the topic's name (undefined: unknown topic, left out). */
export function sourceStructuredData(d: SourceData, site: URL | undefined, topicName: (ref: string) => string | undefined): object {
  const url = absolute(sourcePath(d.id), site);
  const arxiv = d.links.find((l) => l.type === 'arxiv')?.url ?? (d.kind === 'review' && d.review.arxivId ? `https://arxiv.org/abs/${d.review.arxivId}` : undefined);
  const original = httpUrl(d.url);
  const basedOn = [arxiv, original].filter((u, i, a): u is string => Boolean(u) && a.indexOf(u) === i);
  const publisher = { '@type': 'Organization', name: d.origin.name, ...(httpUrl(d.origin.url) ? { url: d.origin.url } : {}) };
  const type = d.kind === 'telegram' ? 'SocialMediaPosting' : d.kind === 'review' ? 'Review' : 'Article';
  const common = {
    '@context': 'https://schema.org',
    '@type': type,
    headline: d.title,
    url,
    mainEntityOfPage: url,
    inLanguage: 'ko',
    ...(d.date ? { datePublished: d.date.iso } : {}),
    ...(d.tags.length ? { keywords: d.tags } : {}),
    ...(basedOn.length ? { isBasedOn: basedOn.length === 1 ? basedOn[0] : basedOn } : {}),
    ...(d.author ? { author: { '@type': 'Person', name: d.author } } : {}),
    publisher,
    about: d.mentions
      .map((m) => ({ name: topicName(m.ref), ref: m.ref }))
      .filter((m) => m.name)
      .slice(0, 20)
      .map((m) => ({ '@type': 'DefinedTerm', name: m.name, url: absolute(topicPath(m.ref), site) })),
  };
  if (d.kind === 'telegram') {
    return { ...common, ...(d.telegram.edited ? { dateModified: d.telegram.edited.iso } : {}) };
  }
  if (d.kind === 'review') {
    return {
      ...common,
      name: d.title,
      ...(d.review.updated ? { dateModified: d.review.updated.iso } : {}),
      itemReviewed: {
        '@type': 'ScholarlyArticle',
        name: d.title,
        ...(arxiv ? { url: arxiv } : {}),
        ...(d.review.authors?.length ? { author: d.review.authors.map((name) => ({ '@type': 'Person', name })) } : {}),
      },
    };
  }
  return common;
}

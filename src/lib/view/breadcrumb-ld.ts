/** schema.org BreadcrumbList for the trail shown by src/components/Breadcrumbs.astro (home first). */
import { absolute } from '../urls.ts';

export function breadcrumbLd(items: { label: string; path: string }[], site: URL | undefined): object {
  const trail = [{ label: '홈', path: '/' }, ...items];
  return {
    '@context': 'https://schema.org',
    '@type': 'BreadcrumbList',
    itemListElement: trail.map((c, i) => ({ '@type': 'ListItem', position: i + 1, name: c.label, item: absolute(c.path, site) })),
  };
}

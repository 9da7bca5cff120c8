/** `/robots.txt`: everything may be crawled; points to the sitemap (with `base`). */
import type { APIRoute } from 'astro';
import { absolute } from '../lib/urls.ts';

export const GET: APIRoute = ({ site }) =>
  new Response(`User-agent: *\nAllow: /\n\nSitemap: ${absolute('/sitemap.xml', site)}\n`, { headers: { 'content-type': 'text/plain; charset=utf-8' } });

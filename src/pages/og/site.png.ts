/** `/og/site.png`: the Open Graph card of every page without one of its own. */
import type { APIRoute } from 'astro';
import { renderCard } from '../../lib/og.ts';
import { SITE_DESCRIPTION, SITE_NAME } from '../../lib/view/site.ts';

export const GET: APIRoute = async () => {
  const png = await renderCard({ eyebrow: '모델 · 기법 · 인프라 · 정책', title: SITE_NAME, description: SITE_DESCRIPTION, footer: SITE_NAME });
  return new Response(png as BodyInit, { headers: { 'content-type': 'image/png' } });
};

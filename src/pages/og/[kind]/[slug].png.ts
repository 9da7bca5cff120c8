/** `/og/<kind>/<slug>.png`: the topic's Open Graph card (src/lib/og.ts), one per topic page. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { loadKnowledgeBase, type TopicNode } from '../../../lib/kb.ts';
import { KIND_LABEL_KO } from '../../../schema/topic.ts';
import { renderCard } from '../../../lib/og.ts';
import { SITE_NAME } from '../../../lib/view/site.ts';

export const getStaticPaths = (async () => {
  const kb = await loadKnowledgeBase();
  return [...kb.topics.values()].map((topic) => ({ params: { kind: topic.kind, slug: topic.slug }, props: { topic } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => {
  const { topic } = props as { topic: TopicNode };
  const d = topic.entry.data;
  const png = await renderCard({
    eyebrow: KIND_LABEL_KO[topic.kind],
    title: d.name,
    subtitle: d.nameKo,
    description: d.description,
    kind: topic.kind,
    footer: SITE_NAME,
  });
  return new Response(png as BodyInit, { headers: { 'content-type': 'image/png' } });
};

/**
 * `/search-topics.json`: the topic name index the search page loads (src/search/aliases.ts).
 * Small by design (names and aliases only), so it costs the same on a 100-page and a
 * 10,000-page site.
 */
import type { APIRoute } from 'astro';
import { getCollection } from 'astro:content';
import { buildAliasIndex } from '../search/aliases.ts';

export const GET: APIRoute = async () => {
  const topics = await getCollection('topics');
  const index = buildAliasIndex(
    topics.map((t) => ({
      ref: t.id,
      name: t.data.name,
      nameKo: t.data.nameKo,
      aliases: t.data.aliases,
      description: t.data.description,
    })),
  );
  return new Response(JSON.stringify(index), { headers: { 'content-type': 'application/json' } });
};

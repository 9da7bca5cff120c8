/**
 * Content collections.
 * - `topics`: people-edited MDX (`content/topics/<kind>/<slug>.mdx`), through the MDX integration.
 * - `sources`: generated entries (`content/sources/<id>.mdx`), through the fast source loader.
 * Schemas live in src/schema/ so the ingest validates with the very same rules.
 */
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { topicSchema } from './schema/topic.ts';
import { sourceSchema } from './schema/source.ts';
import { sourceLoader } from './content/source-loader.ts';

const topics = defineCollection({
  loader: glob({ pattern: '**/*.mdx', base: './content/topics', generateId: ({ entry }) => entry.replace(/\.mdx$/, '') }),
  schema: topicSchema,
});

const sources = defineCollection({
  loader: sourceLoader({ base: './content/sources' }),
  schema: sourceSchema,
});

export const collections = { topics, sources };

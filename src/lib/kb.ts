/**
 * The site's view of the knowledge base: collections + the derived graph,
 * computed once per build (module-level memo) and shared by every page.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { buildGraph, compareSources, type Backlink, type Related } from '../pipeline/graph.ts';
import { TOPIC_KINDS, type TopicKind } from '../schema/topic.ts';

export type TopicEntry = CollectionEntry<'topics'>;
export type SourceEntry = CollectionEntry<'sources'>;

export interface SourceNode {
  id: string;
  date?: string;
  mentions: SourceEntry['data']['mentions'];
  entry: SourceEntry;
}

export interface TopicNode {
  /** `<kind>/<slug>` — also the page path. */
  ref: string;
  kind: TopicKind;
  slug: string;
  entry: TopicEntry;
  /** Sources mentioning the topic, newest first. */
  backlinks: Backlink<SourceNode>[];
  /** Backlinks whose source has a heading about this topic: key passages. */
  keyPassages: Backlink<SourceNode>[];
  related: (Related & { topic: TopicNode })[];
  relations: { type: string; inverse: boolean; topic: TopicNode }[];
}

export interface KnowledgeBase {
  topics: Map<string, TopicNode>;
  topicsByKind: Record<TopicKind, TopicNode[]>;
  /** All sources, newest first. */
  sources: SourceNode[];
  sourceById: Map<string, SourceNode>;
}

let memo: Promise<KnowledgeBase> | undefined;

export function loadKnowledgeBase(): Promise<KnowledgeBase> {
  memo ??= build();
  return memo;
}

async function build(): Promise<KnowledgeBase> {
  const [topicEntries, sourceEntries] = await Promise.all([getCollection('topics'), getCollection('sources')]);
  const sources: SourceNode[] = sourceEntries
    .map((entry) => ({ id: entry.data.id, date: entry.data.date?.iso, mentions: entry.data.mentions, entry }))
    .sort(compareSources);
  const graphTopics = topicEntries.map((t) => ({ ref: t.id, relations: t.data.relations }));
  const graph = buildGraph(graphTopics, sources);
  const topics = new Map<string, TopicNode>();
  for (const entry of topicEntries) {
    const [kind, slug] = entry.id.split('/') as [TopicKind, string];
    const backlinks = graph.backlinks.get(entry.id) ?? [];
    topics.set(entry.id, {
      ref: entry.id,
      kind,
      slug,
      entry,
      backlinks,
      keyPassages: backlinks.filter((b) => b.mention.headingMatch),
      related: [],
      relations: [],
    });
  }
  for (const node of topics.values()) {
    node.related = (graph.related.get(node.ref) ?? []).map((r) => ({ ...r, topic: topics.get(r.ref)! }));
    node.relations = (graph.relations.get(node.ref) ?? []).map((r) => ({ type: r.type, inverse: r.inverse, topic: topics.get(r.ref)! }));
  }
  const byName = (a: TopicNode, b: TopicNode) => a.entry.data.name.localeCompare(b.entry.data.name, 'en');
  const topicsByKind = Object.fromEntries(
    TOPIC_KINDS.map((k) => [k, [...topics.values()].filter((t) => t.kind === k).sort(byName)]),
  ) as Record<TopicKind, TopicNode[]>;
  return { topics, topicsByKind, sources, sourceById: new Map(sources.map((s) => [s.id, s])) };
}

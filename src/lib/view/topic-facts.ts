/**
 * Key facts for a topic page from the knowledge base: src/lib/view/facts.ts over
 * the topic's sources (key passages first, then newest), with the other topics
 * each source mentions as possible subjects of its sentences.
 */
import type { KnowledgeBase, SourceNode, TopicNode } from '../kb.ts';
import { extractFacts, nameMatcher, type Fact } from './facts.ts';
import { topicPath } from '../urls.ts';
import { sourceBody } from './source-body.ts';

/** Sources read per topic: the facts of a very common topic come from its first few hundred sources. */
const MAX_SOURCES = 150;

const names = (t: TopicNode) => [t.entry.data.name, t.entry.data.nameKo, ...t.entry.data.aliases].filter((n): n is string => Boolean(n));
const matchers = new Map<string, RegExp | undefined>();
function matcherOf(t: TopicNode): RegExp | undefined {
  if (!matchers.has(t.ref)) matchers.set(t.ref, nameMatcher(names(t)));
  return matchers.get(t.ref);
}

export function topicFacts(kb: KnowledgeBase, topic: TopicNode, limit = 5): Fact<SourceNode>[] {
  const ordered = [...topic.backlinks.filter((b) => b.mention.headingMatch), ...topic.backlinks.filter((b) => !b.mention.headingMatch)].slice(0, MAX_SOURCES);
  const inputs = ordered.map((b) => ({
    source: b.source,
    id: b.source.id,
    body: () => sourceBody(b.source),
    key: b.mention.headingMatch,
    // Possible subjects of a sentence: topics of the same kind and models (a number near a model's name is the model's).
    others: b.source.mentions
      .filter((m) => m.ref !== topic.ref && (m.ref.startsWith(`${topic.kind}/`) || m.ref.startsWith('models/')))
      .map((m) => kb.topics.get(m.ref))
      .filter((t): t is TopicNode => t !== undefined)
      .map(matcherOf)
      .filter((r): r is RegExp => r !== undefined),
  }));
  return extractFacts({ path: topicPath(topic.ref), names: names(topic) }, inputs, limit);
}

/** Sources grouped by tag (case-insensitive), shared by the tag pages and the tag index. */
import type { SourceNode } from '../kb.ts';
import { canLinkTag, tagKey } from './tags.ts';

export interface TagGroup {
  key: string;
  /** The most frequent spelling of the tag. */
  label: string;
  sources: SourceNode[];
}

export function groupByTag(sources: SourceNode[]): TagGroup[] {
  const groups = new Map<string, { spellings: Map<string, number>; sources: SourceNode[] }>();
  for (const s of sources)
    for (const tag of new Set(s.entry.data.tags)) {
      if (!canLinkTag(tag)) continue;
      const key = tagKey(tag);
      let g = groups.get(key);
      if (!g) groups.set(key, (g = { spellings: new Map(), sources: [] }));
      g.spellings.set(tag, (g.spellings.get(tag) ?? 0) + 1);
      if (g.sources.at(-1) !== s) g.sources.push(s);
    }
  return [...groups]
    .map(([key, g]) => ({
      key,
      label: [...g.spellings].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]![0],
      sources: g.sources,
    }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

import type { Adapter } from '../types.ts';

/** TODO: not implemented yet. */
export const digestMarkdown: Adapter = {
  id: 'digest-markdown',
  detect: () => 0,
  parse: () => ({ records: [], skipped: [], warnings: [] }),
};

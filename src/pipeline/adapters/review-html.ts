import type { Adapter } from '../types.ts';

/** TODO: not implemented yet. */
export const reviewHtml: Adapter = {
  id: 'review-html',
  detect: () => 0,
  parse: () => ({ records: [], skipped: [], warnings: [] }),
};

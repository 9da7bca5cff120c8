import type { Adapter } from '../types.ts';

/** TODO: not implemented yet. */
export const reviewFlight: Adapter = {
  id: 'review-flight',
  detect: () => 0,
  parse: () => ({ records: [], skipped: [], warnings: [] }),
};

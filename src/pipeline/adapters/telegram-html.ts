import type { Adapter } from '../types.ts';

/** TODO: not implemented yet. */
export const telegramHtml: Adapter = {
  id: 'telegram-html',
  detect: () => 0,
  parse: () => ({ records: [], skipped: [], warnings: [] }),
};

import type { Adapter } from '../types.ts';

/** TODO: not implemented yet. */
export const telegramText: Adapter = {
  id: 'telegram-text',
  detect: () => 0,
  parse: () => ({ records: [], skipped: [], warnings: [] }),
};

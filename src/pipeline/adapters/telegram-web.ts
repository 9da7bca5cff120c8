import type { Adapter } from '../types.ts';

/** TODO: not implemented yet. */
export const telegramWeb: Adapter = {
  id: 'telegram-web',
  detect: () => 0,
  parse: () => ({ records: [], skipped: [], warnings: [] }),
};

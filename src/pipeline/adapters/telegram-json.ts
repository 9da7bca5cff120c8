import type { Adapter } from '../types.ts';

/** TODO: not implemented yet. */
export const telegramJson: Adapter = {
  id: 'telegram-json',
  detect: () => 0,
  parse: () => ({ records: [], skipped: [], warnings: [] }),
};

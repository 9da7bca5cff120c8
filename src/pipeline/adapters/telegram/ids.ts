/**
 * The permalink scheme of Telegram posts, shared by every Telegram adapter
 * (desktop JSON/HTML exports, t.me/s pages, text copies) so that the same post
 * gets the same id whichever format it arrived in.
 */
import { slugify, slugOrHash } from '../../util/slug.ts';

/** `telegram/<channelKey>/<messageId>`. */
export function telegramPostId(channelKey: string, messageId: number): string {
  return `telegram/${channelKey}/${messageId}`;
}

/**
 * A stable key for a channel. The public username wins because it is what t.me
 * links use (`dogs_community` → `dogs-community`); an export of a channel whose
 * username is unknown falls back to its numeric peer id (bare, no `-100`), and
 * only then to the title, which channels do rename.
 */
export function channelKey(username?: string, title?: string, numericId?: string | number): string {
  const user = username ? slugify(username.replace(/^@/, '')) : '';
  if (user) return user;
  const num = bareChatId(numericId);
  if (num) return `c${num}`;
  return slugOrHash(title ?? '', 'ch');
}

/** The chat id as the site keeps it: digits only, without the Bot API's `-100` prefix; undefined when unknown. */
export function bareChatId(numericId?: string | number): string | undefined {
  if (numericId === undefined || numericId === null) return undefined;
  const num = String(numericId).replace(/^-100(?=\d{6,})/, '').replace(/^-/, '');
  return /^\d+$/.test(num) ? num : undefined;
}

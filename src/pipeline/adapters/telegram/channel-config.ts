/**
 * Optional `channel.yaml` next to an export, for what the export cannot say:
 *
 *   username: dogs_community        # the public @name (t.me links, permalinks)
 *   title: Dogs Community           # override the chat title
 *   channels:                       # full-account exports: per chat id or title
 *     "1234567890": some_channel
 *
 * tdesktop never writes a channel's username (see telegram.md §1.2), so without
 * this file it is inferred from the channel's links to its own posts.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';

export interface ChannelConfig {
  username?: string;
  title?: string;
  channels: Record<string, string>;
}

const USERNAME_RE = /^[A-Za-z][A-Za-z0-9_]{3,31}$/;

export function readChannelConfig(absPath: string, warn: (message: string) => void): ChannelConfig {
  const config: ChannelConfig = { channels: {} };
  const file = path.join(path.dirname(absPath), 'channel.yaml');
  if (!absPath || !existsSync(file)) return config;
  let data: unknown;
  try {
    data = parseYaml(readFileSync(file, 'utf8'));
  } catch (e) {
    warn(`channel.yaml ignored: ${(e as Error).message.split('\n')[0]}`);
    return config;
  }
  if (!data || typeof data !== 'object') return config;
  const o = data as Record<string, unknown>;
  const name = username(o.username, warn);
  if (name) config.username = name;
  if (typeof o.title === 'string' && o.title.trim()) config.title = o.title.trim();
  if (o.channels && typeof o.channels === 'object') {
    for (const [k, v] of Object.entries(o.channels as Record<string, unknown>)) {
      const n = username(v, warn);
      if (n) config.channels[k] = n;
    }
  }
  return config;
}

function username(v: unknown, warn: (message: string) => void): string | undefined {
  if (v === undefined || v === null) return undefined;
  const s = String(v).trim().replace(/^@/, '').replace(/^https?:\/\/t\.me\//, '');
  if (USERNAME_RE.test(s)) return s;
  warn(`channel.yaml: not a Telegram username: ${JSON.stringify(String(v))}`);
  return undefined;
}

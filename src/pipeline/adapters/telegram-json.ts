/**
 * Telegram Desktop "Export chat history" as JSON (`result.json`): a single
 * chat, or a full account export whose channels and supergroups are all read.
 * The format reference is /work/shared/formats/telegram.md §1.
 *
 * The file is streamed (telegram/json-stream.ts). Record ids need the channel
 * username, which is only known after the whole chat was seen (it is inferred
 * from self links), so:
 *  - a loaded file (RawFile.text) is read once, each chat's posts kept until
 *    the chat ends, and `records` is an array;
 *  - a big file is read twice: a survey pass keeps only message ids and link
 *    candidates, then the emit pass yields records as soon as each post is
 *    complete (`records` is an async iterable), so memory stays bounded by one
 *    post group, not by the export.
 */
import path from 'node:path';
import type { Adapter, ParseResult, RawFile, SourceRecord } from '../types.ts';
import { readChannelConfig, type ChannelConfig } from './telegram/channel-config.ts';
import { jsonMessageToPost } from './telegram/json-message.ts';
import { streamTelegramJson, type ChatInfo, type JsonStreamHandlers } from './telegram/json-stream.ts';
import { PostGrouper, recordFromGroup, SelfLinks, type TgChannel, type TgPost } from './telegram/post.ts';

/** Chats that publish posts. Personal chats, bots, saved messages and basic groups are left out. */
const PUBLISHING_TYPES = new Set(['public_channel', 'private_channel', 'public_supergroup', 'private_supergroup']);
const CHAT_TYPE_RE = /"type"\s*:\s*"(?:public_channel|private_channel|public_supergroup|private_supergroup|private_group|personal_chat|bot_chat|saved_messages)"/;
/** Records buffered ahead of a slow consumer before reading pauses. */
const QUEUE_HIGH = 256;

export const telegramJson: Adapter = {
  id: 'telegram-json',

  detect(file: RawFile): number {
    const head = file.head.trimStart();
    if (!head.startsWith('{')) return 0;
    const telegramish = /"date_unixtime"|"from_id"|"text_entities"|"type"\s*:\s*"message"/.test(head) || CHAT_TYPE_RE.test(head);
    if (/"messages"\s*:\s*\[/.test(head) && telegramish) return 0.95;
    // Full account export: personal data and contact lists can push `chats` past the head.
    if (/"(?:left_)?chats"\s*:\s*\{\s*"about"/.test(head)) return 0.9;
    if (/^\{\s*"about"\s*:\s*"[^"]*"\s*,\s*"personal_information"\s*:/.test(head)) return 0.9;
    return 0;
  },

  async parse(file: RawFile): Promise<ParseResult> {
    const result: ParseResult = { records: [], skipped: [], warnings: [] };
    const config = readChannelConfig(file.absPath, (m) => result.warnings.push({ location: 'channel.yaml', message: m }));
    if (file.text !== undefined) {
      const records: SourceRecord[] = [];
      await emitPass(file, config, result, undefined, (r) => records.push(r));
      result.records = records;
      return result;
    }
    const usernames = await surveyPass(file, config);
    result.records = streamRecords(file, config, result, usernames);
    return result;
  },
};

function isPublishing(chat: ChatInfo): boolean {
  return chat.type === undefined || PUBLISHING_TYPES.has(chat.type);
}

function chatName(chat: ChatInfo): string | undefined {
  return typeof chat.name === 'string' && chat.name.trim() ? chat.name.trim() : undefined;
}

function configuredUsername(chat: ChatInfo, config: ChannelConfig): string | undefined {
  const id = chat.id === undefined ? undefined : String(chat.id);
  const name = chatName(chat);
  return (id && config.channels[id]) || (name && config.channels[name]) || (chat.path ? undefined : config.username) || undefined;
}

function channelOf(chat: ChatInfo, config: ChannelConfig, username: string | undefined): TgChannel {
  const title = (chat.path ? undefined : config.title) ?? chatName(chat) ?? `Telegram ${chat.id ?? 'channel'}`;
  return { title, username, numericId: chat.id ?? undefined };
}

/** First pass over a big file: per chat, the message ids and self-link candidates → the inferred username. */
async function surveyPass(file: RawFile, config: ChannelConfig): Promise<Map<string, string | undefined>> {
  const usernames = new Map<string, string | undefined>();
  let ids = new Set<number>();
  let links = new SelfLinks();
  await streamTelegramJson(file, {
    onChatStart(chat) {
      ids = new Set();
      links = new SelfLinks();
      return isPublishing(chat) && !configuredUsername(chat, config);
    },
    onMessage(msg) {
      if (typeof msg.id !== 'number') return;
      ids.add(msg.id);
      if (msg.type !== 'message') return;
      const parts: unknown[] = Array.isArray(msg.text_entities) ? msg.text_entities : Array.isArray(msg.text) ? msg.text : [msg.text];
      const field = (p: unknown, key: string) => (p && typeof p === 'object' && typeof (p as Record<string, unknown>)[key] === 'string' ? ((p as Record<string, unknown>)[key] as string) : undefined);
      const plain = parts.map((p) => (typeof p === 'string' ? p : (field(p, 'text') ?? ''))).join('');
      const hrefs = parts.flatMap((p) => (field(p, 'href') ? [{ url: field(p, 'href')!, label: '' }] : []));
      links.add({ messageId: msg.id, plain, links: hrefs, forwardedFrom: 'forwarded_from' in msg ? '' : undefined });
    },
    onChatEnd(chat) {
      usernames.set(chat.path, links.best(ids));
    },
  });
  return usernames;
}

/**
 * The pass that produces records. With `usernames` (from the survey) each post
 * group is emitted as soon as it is complete; without, a chat's posts are kept
 * until the chat ends and the username is inferred from them.
 */
async function emitPass(
  file: RawFile,
  config: ChannelConfig,
  result: ParseResult,
  usernames: Map<string, string | undefined> | undefined,
  emit: (r: SourceRecord) => void,
  extra: Pick<JsonStreamHandlers, 'wait'> = {},
): Promise<void> {
  const warn = (location: string, message: string) => result.warnings.push({ location, message });
  const unknownTypes = new Set<string>();
  const baseDir = path.posix.dirname(file.path);
  let chats = 0;
  let current: { channel?: TgChannel; grouper: PostGrouper; posts: TgPost[]; ids: Set<number>; links: SelfLinks; seq: number } | undefined;
  const prefix = (chat: ChatInfo) => (chat.path ? `${chat.path} ` : '');

  const emitGroup = (chat: ChatInfo, channel: TgChannel, group: TgPost[] | undefined) => {
    if (group) emit(recordFromGroup(group, channel, { format: 'telegram-json', file: file.path, locationPrefix: prefix(chat) }));
  };

  await streamTelegramJson(file, {
    ...extra,
    onChatStart(chat) {
      chats++;
      if (!isPublishing(chat)) {
        result.skipped.push({ location: `${chat.path || 'root'} (chat id ${String(chat.id ?? '?')})`, reason: `${chat.type}: not a channel or supergroup` });
        return false;
      }
      const known = configuredUsername(chat, config) ?? usernames?.get(chat.path);
      const channel = usernames || known ? channelOf(chat, config, known) : undefined;
      current = { channel, grouper: new PostGrouper(), posts: [], ids: new Set(), links: new SelfLinks(), seq: 0 };
      return true;
    },

    onMessage(msg, _index, chat) {
      const c = current!;
      const seq = c.seq++;
      if (typeof msg.id === 'number') c.ids.add(msg.id);
      const location = `${prefix(chat)}message ${String(msg.id)}`;
      const res = jsonMessageToPost(msg, {
        seq,
        location: `message ${String(msg.id)}`,
        baseDir,
        chatName: chatName(chat),
        onUnknownEntity(type) {
          if (unknownTypes.has(type)) return;
          unknownTypes.add(type);
          warn(location, `unknown text entity type "${type}" kept as plain text`);
        },
        warn: (m) => warn(location, m),
      });
      if ('skip' in res) result.skipped.push({ location, reason: res.skip });
      else if (c.channel) emitGroup(chat, c.channel, c.grouper.push(res.post));
      else {
        c.posts.push(res.post);
        c.links.add(res.post);
      }
    },

    onChatEnd(chat) {
      const c = current;
      current = undefined;
      if (!c) return;
      const channel = c.channel ?? channelOf(chat, config, c.links.best(c.ids));
      for (const p of c.posts) emitGroup(chat, channel, c.grouper.push(p));
      emitGroup(chat, channel, c.grouper.flush());
    },
  });

  if (!chats) warn('root', 'no chat with a "messages" list found in this export');
}

/** The emit pass as an async iterable with backpressure: reading pauses while the consumer is behind. */
async function* streamRecords(
  file: RawFile,
  config: ChannelConfig,
  result: ParseResult,
  usernames: Map<string, string | undefined>,
): AsyncGenerator<SourceRecord> {
  const queue: SourceRecord[] = [];
  let wake: (() => void) | undefined;
  let resume: (() => void) | undefined;
  let finished = false;
  let failure: unknown;
  let cancelled = false;
  const notify = () => {
    const w = wake;
    wake = undefined;
    w?.();
  };
  const run = emitPass(file, config, result, usernames, (r) => {
    queue.push(r);
    notify();
  }, {
    wait() {
      if (cancelled) return Promise.reject(new Error('reading stopped by the consumer'));
      return queue.length >= QUEUE_HIGH ? new Promise<void>((r) => (resume = r)) : undefined;
    },
  }).then(
    () => {
      finished = true;
      notify();
    },
    (e) => {
      failure = e;
      finished = true;
      notify();
    },
  );
  try {
    for (;;) {
      if (queue.length) {
        const next = queue.shift()!;
        if (queue.length < QUEUE_HIGH / 2 && resume) {
          const r = resume;
          resume = undefined;
          r();
        }
        yield next;
        continue;
      }
      if (finished) {
        if (failure && !cancelled) throw failure;
        return;
      }
      await new Promise<void>((r) => (wake = r));
    }
  } finally {
    if (!finished) {
      cancelled = true;
      const r = resume;
      resume = undefined;
      r?.();
      await run;
    }
  }
}

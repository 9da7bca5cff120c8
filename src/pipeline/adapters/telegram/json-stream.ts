/**
 * Streaming reader for tdesktop's result.json.
 *
 * Exports reach hundreds of MB (tdesktop#27571 quotes line 2,415,365), so the
 * document is never built: stream-json tokenises it and only one message
 * object at a time is assembled. Chats are found in both shapes: the root
 * object (single-chat export) and `chats.list[]` / `left_chats.list[]` (full
 * account export).
 */
import { createReadStream } from 'node:fs';
import { Readable, Transform, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createRequire } from 'node:module';
import { IngestError, type RawFile } from '../../types.ts';

// stream-json v1 is CommonJS without type declarations.
const { parser: makeParser } = createRequire(import.meta.url)('stream-json') as { parser: (o: object) => Transform };

/**
 * tdesktop writes control characters as `\xNN`, which is not JSON
 * (tdesktop#27571): rewrite them to `\u00NN`. Every backslash starts an escape
 * pair, so walking pair by pair keeps `\\x` (an escaped backslash, then `x`)
 * intact. An escape cut by a chunk boundary is carried to the next chunk.
 */
export class EscapeFixer {
  private carry = '';

  push(chunk: string): string {
    const s = this.carry + chunk;
    this.carry = '';
    let out = '';
    let last = 0;
    let i = s.indexOf('\\');
    while (i !== -1) {
      if (i + 1 >= s.length) {
        this.carry = s.slice(i);
        return out + s.slice(last, i);
      }
      if (s[i + 1] === 'x') {
        if (i + 3 >= s.length) {
          this.carry = s.slice(i);
          return out + s.slice(last, i);
        }
        const hex = s.slice(i + 2, i + 4);
        if (/^[0-9a-fA-F]{2}$/.test(hex)) {
          out += s.slice(last, i) + '\\u00' + hex;
          last = i + 4;
        }
      }
      i = s.indexOf('\\', i + 2);
    }
    return out + s.slice(last);
  }

  flush(): string {
    const rest = this.carry;
    this.carry = '';
    return rest;
  }
}

export interface ChatInfo {
  name?: string | null;
  type?: string;
  id?: string | number;
  /** Where the chat sits in the file: `` (root) or `chats.list[3]`. */
  path: string;
}

export interface JsonStreamHandlers {
  /** A chat's `messages` array begins. Return false to skip its messages without assembling them. */
  onChatStart(chat: ChatInfo): boolean;
  /** One assembled message object (`index` within the chat). */
  onMessage(message: Record<string, unknown>, index: number, chat: ChatInfo): void;
  /** `count` = number of messages seen (also when skipped). */
  onChatEnd(chat: ChatInfo, count: number): void;
  /** Backpressure: a promise pauses reading until it settles (the consumer of records is behind). */
  wait?(): Promise<void> | undefined;
}

interface Token {
  name: string;
  value?: string;
}

type Role = 'root' | 'holder' | 'list' | 'chat' | 'messages' | 'skipped-messages' | 'other';

interface Frame {
  kind: 'object' | 'array';
  role: Role;
  key?: string;
  index: number;
  chat?: ChatInfo;
  holderKey?: string;
  started?: boolean;
  count?: number;
}

const CHUNK_CHARS = 1 << 20;

/** Stream `file` (its text when loaded, else from disk) and call the handlers in document order. */
export async function streamTelegramJson(file: RawFile, handlers: JsonStreamHandlers): Promise<void> {
  let bytes = 0;
  let lines = 1;
  let lastMessageId: unknown;
  const fixer = new EscapeFixer();
  const frames: Frame[] = [];
  // The message being assembled: a stack of containers, the object keys pending.
  let build: { value: unknown[] | Record<string, unknown>; key?: string }[] | undefined;
  let buildChat: ChatInfo | undefined;
  let buildIndex = 0;

  const source = file.text !== undefined ? Readable.from(slices(file.text)) : createReadStream(file.absPath, { encoding: 'utf8', highWaterMark: 1 << 16 });

  const fix = new Transform({
    decodeStrings: false,
    transform(chunk: string, _enc, cb) {
      bytes += Buffer.byteLength(chunk);
      for (let i = chunk.indexOf('\n'); i !== -1; i = chunk.indexOf('\n', i + 1)) lines++;
      cb(null, fixer.push(chunk));
    },
    flush(cb) {
      cb(null, fixer.flush());
    },
  });

  const addValue = (value: unknown) => {
    const top = build![build!.length - 1]!;
    if (Array.isArray(top.value)) top.value.push(value);
    else if (top.key !== undefined) {
      top.value[top.key] = value;
      top.key = undefined;
    }
  };

  const scalar = (value: unknown) => {
    if (build) return addValue(value);
    const f = frames.at(-1);
    if (!f) return;
    if (f.kind === 'object') {
      if ((f.role === 'chat' || f.role === 'root') && f.key && (f.key === 'name' || f.key === 'type' || f.key === 'id')) f.chat![f.key] = value as never;
      f.key = undefined;
    } else {
      if (f.role === 'skipped-messages') f.count!++;
      f.index++;
    }
  };

  const startContainer = (kind: 'object' | 'array') => {
    if (build) {
      const value = kind === 'object' ? {} : [];
      addValue(value);
      build.push({ value });
      return;
    }
    const parent = frames.at(-1);
    if (parent?.role === 'messages' && kind === 'object') {
      build = [{ value: {} }];
      buildChat = parent.chat;
      buildIndex = parent.index;
      parent.index++;
      parent.count!++;
      return;
    }
    let role: Role = 'other';
    let chat: ChatInfo | undefined;
    const frame: Frame = { kind, role, index: 0 };
    if (!parent) {
      role = kind === 'object' ? 'root' : 'other';
      chat = { path: '' };
    } else if (parent.kind === 'object') {
      const key = parent.key;
      if (parent.role === 'root' && kind === 'object' && (key === 'chats' || key === 'left_chats')) role = 'holder';
      else if (parent.role === 'holder' && kind === 'array' && key === 'list') {
        role = 'list';
        frame.holderKey = parent.holderKey;
      } else if ((parent.role === 'root' || parent.role === 'chat') && kind === 'array' && key === 'messages') {
        // The writer emits name, type and id before messages, so the chat is known here.
        const wanted = handlers.onChatStart(parent.chat!);
        parent.started = true;
        role = wanted ? 'messages' : 'skipped-messages';
        chat = parent.chat;
        frame.count = 0;
      }
      if (role === 'holder') frame.holderKey = key;
      parent.key = undefined;
    } else {
      if (parent.role === 'list' && kind === 'object') {
        role = 'chat';
        chat = { path: `${parent.holderKey}.list[${parent.index}]` };
      } else if (parent.role === 'skipped-messages') parent.count!++;
      parent.index++;
    }
    frame.role = role;
    frame.chat = chat;
    frames.push(frame);
  };

  const endContainer = () => {
    if (build) {
      const done = build.pop()!;
      if (build.length) return;
      build = undefined;
      const msg = done.value as Record<string, unknown>;
      handlers.onMessage(msg, buildIndex, buildChat!);
      lastMessageId = msg.id;
      return;
    }
    const f = frames.pop();
    if (!f) return;
    if (f.role === 'messages' || f.role === 'skipped-messages') {
      const owner = frames.at(-1);
      if (owner) owner.count = f.count;
    }
    if ((f.role === 'chat' || f.role === 'root') && f.started) handlers.onChatEnd(f.chat!, f.count ?? 0);
  };

  const consume = new Writable({
    objectMode: true,
    write(token: Token, _enc, cb) {
      try {
        switch (token.name) {
          case 'startObject':
            startContainer('object');
            break;
          case 'startArray':
            startContainer('array');
            break;
          case 'endObject':
          case 'endArray':
            endContainer();
            break;
          case 'keyValue':
            if (build) build[build.length - 1]!.key = token.value;
            else if (frames.at(-1)) frames.at(-1)!.key = token.value;
            break;
          case 'stringValue':
            scalar(token.value);
            break;
          case 'numberValue':
            scalar(Number(token.value));
            break;
          case 'nullValue':
            scalar(null);
            break;
          case 'trueValue':
            scalar(true);
            break;
          case 'falseValue':
            scalar(false);
            break;
        }
        const paused = handlers.wait?.();
        if (paused) paused.then(() => cb(), (e: Error) => cb(e));
        else cb();
      } catch (e) {
        cb(e as Error);
      }
    },
  });

  const where = () => `near byte ${bytes}, line ${lines}${lastMessageId !== undefined ? `, after message ${String(lastMessageId)}` : ''}`;
  try {
    await pipeline(
      source,
      fix,
      makeParser({ packKeys: true, packStrings: true, packNumbers: true, streamKeys: false, streamStrings: false, streamNumbers: false }),
      consume,
    );
  } catch (e) {
    if (e instanceof IngestError) throw e;
    const detail = (e as Error).message.replace(/^Parser (cannot parse input: |has )/, '');
    throw new IngestError(
      file.path,
      where(),
      `invalid or truncated JSON (${detail}); last complete message id: ${lastMessageId === undefined ? 'none' : String(lastMessageId)}`,
    );
  }
  if (frames.length || build) {
    throw new IngestError(
      file.path,
      where(),
      `truncated JSON: the input ends inside an open ${build ? 'message' : frames.at(-1)!.kind}; last complete message id: ${lastMessageId === undefined ? 'none' : String(lastMessageId)}`,
    );
  }
}

/** Cut a loaded text into chunks without splitting a surrogate pair. */
function* slices(text: string): Generator<string> {
  for (let i = 0; i < text.length; ) {
    let end = Math.min(i + CHUNK_CHARS, text.length);
    if (end < text.length && /[\ud800-\udbff]/.test(text[end - 1]!)) end--;
    yield text.slice(i, end);
    i = end;
  }
}

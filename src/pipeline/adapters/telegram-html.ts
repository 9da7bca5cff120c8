/**
 * Telegram Desktop "Export chat history" as HTML: `messages.html`,
 * `messages2.html`, … (1000 messages per page) read as one chat per folder.
 * The format reference is /work/shared/formats/telegram.md §2.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Adapter, ParseResult, RawFile, SourceRecord } from '../types.ts';
import { readChannelConfig } from './telegram/channel-config.ts';
import { parsePage } from './telegram/html-page.ts';
import { buildRecords, inferUsername, type TgPost } from './telegram/post.ts';

export const telegramHtml: Adapter = {
  id: 'telegram-html',
  grouping: 'directory',

  detect(file: RawFile): number {
    const head = file.head;
    if (!/<title>\s*Exported Data\s*<\/title>/i.test(head)) return 0;
    // Chat pages only: export_results.html and lists/*.html share the title but hold no history.
    if (/class="message (?:default|service)/.test(head) || /class="page_body chat_page"/.test(head)) return 0.95;
    return 0;
  },

  async parse(file: RawFile, group?: RawFile[]): Promise<ParseResult> {
    const result: ParseResult & { records: SourceRecord[] } = { records: [], skipped: [], warnings: [] };
    const files = group?.length ? group : [file];
    const byDir = new Map<string, RawFile[]>();
    for (const f of files) {
      const dir = path.posix.dirname(f.path);
      byDir.set(dir, [...(byDir.get(dir) ?? []), f]);
    }
    for (const dir of [...byDir.keys()].sort()) await parseChat(dir, byDir.get(dir)!, result);
    return result;
  },
};

/** `messages.html` is page 1, `messages2.html` page 2 …: numeric, not lexicographic, order. */
function pageNumber(p: string): number {
  const m = /messages(\d*)\.html?$/i.exec(p);
  return m ? (m[1] ? Number(m[1]) : 1) : Number.MAX_SAFE_INTEGER;
}

async function parseChat(dir: string, pages: RawFile[], result: ParseResult & { records: SourceRecord[] }) {
  const sorted = [...pages].sort((a, b) => pageNumber(a.path) - pageNumber(b.path) || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const warn = (location: string, message: string) => result.warnings.push({ location, message });
  const config = readChannelConfig(sorted[0]!.absPath, (m) => warn(`${dir}/channel.yaml`, m));
  const unknownTypes = new Set<string>();
  const state = {
    seq: 0,
    onUnknownEntity(type: string, location: string) {
      if (unknownTypes.has(type)) return;
      unknownTypes.add(type);
      warn(location, `unknown text entity type "${type}" kept as plain text`);
    },
    warn,
  };
  const posts: TgPost[] = [];
  const ids = new Set<number>();
  let title: string | undefined;
  for (const page of sorted) {
    const html = page.text ?? (await readFile(page.absPath, 'utf8'));
    const res = parsePage(html, page.path, state);
    title ??= res.title;
    posts.push(...res.posts);
    res.ids.forEach((id) => ids.add(id));
    result.skipped.push(...res.skipped);
  }
  const channelTitle = config.title ?? title ?? 'Telegram';
  const username = config.username ?? inferUsername(posts, ids);
  result.records.push(...buildRecords(posts, { title: channelTitle, username }, { format: 'telegram-html', file: sorted[0]!.path }));
}

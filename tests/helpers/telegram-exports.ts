/**
 * Small Telegram Desktop exports for integration and e2e tests, written the way
 * tdesktop writes them (result.json: /work/shared/formats/telegram.md §1;
 * messages.html: §2), so the real detect → parse → ingest path runs on them.
 */

export interface ExportPost {
  id: number;
  /** Plain text; `**x**` marks a bold run, `[label](url)` a text link, `#tag` and bare URLs their entities. */
  text: string;
  /** Unix seconds. */
  unix: number;
  /** Unix seconds of the last edit. */
  edited?: number;
  reactions?: { emoji: string; count: number }[];
  photo?: string;
}

export interface ExportChat {
  name: string;
  id: number;
  type?: string;
  /** UTC offset of the exporting machine, in hours: tdesktop writes local wall time next to the Unix time. */
  tzHours?: number;
}

const ENTITY_RE = /\*\*([^*]+)\*\*|\[([^\]]+)\]\(([^)\s]+)\)|(#[\p{L}\p{N}_]+)|(https?:\/\/[^\s)]+)/gu;

/** tdesktop's `text_entities` for our tiny markup. */
export function textEntities(text: string): Record<string, string>[] {
  const out: Record<string, string>[] = [];
  let last = 0;
  for (const m of text.matchAll(ENTITY_RE)) {
    if (m.index > last) out.push({ type: 'plain', text: text.slice(last, m.index) });
    if (m[1] !== undefined) out.push({ type: 'bold', text: m[1] });
    else if (m[2] !== undefined) out.push({ type: 'text_link', text: m[2], href: m[3]! });
    else if (m[4] !== undefined) out.push({ type: 'hashtag', text: m[4] });
    else out.push({ type: 'link', text: m[5]! });
    last = m.index + m[0].length;
  }
  if (last < text.length) out.push({ type: 'plain', text: text.slice(last) });
  return out;
}

export function plainText(text: string): string {
  return text.replace(ENTITY_RE, (_all, bold?: string, label?: string, _url?: string, tag?: string, link?: string) => bold ?? label ?? tag ?? link ?? '');
}

/** Local wall time as tdesktop writes it (`2024-07-04T10:28:36`). */
export function wallTime(unix: number, tzHours: number): string {
  return new Date((unix + tzHours * 3600) * 1000).toISOString().slice(0, 19);
}

export function jsonMessage(p: ExportPost, chat: ExportChat): Record<string, unknown> {
  const tz = chat.tzHours ?? 9;
  const entities = textEntities(p.text);
  return {
    id: p.id,
    type: 'message',
    date: wallTime(p.unix, tz),
    date_unixtime: String(p.unix),
    ...(p.edited !== undefined ? { edited: wallTime(p.edited, tz), edited_unixtime: String(p.edited) } : {}),
    from: chat.name,
    from_id: `channel${chat.id}`,
    ...(p.photo ? { photo: p.photo, photo_file_size: 81234, width: 1280, height: 720 } : {}),
    text: entities.length === 1 && entities[0]!.type === 'plain' ? entities[0]!.text : entities.map((e) => (e.type === 'plain' ? e.text : e)),
    text_entities: entities,
    ...(p.reactions?.length ? { reactions: p.reactions.map((r) => ({ type: 'emoji', count: r.count, emoji: r.emoji })) } : {}),
  };
}

/**
 * A single-chat `result.json` (tdesktop pretty-prints with one space of indent).
 * `serviceIds`: service messages (a pin) to place among the posts by id: they must be skipped, never become sources.
 */
export function resultJson(chat: ExportChat, posts: ExportPost[], serviceIds: number[] = []): string {
  const tz = chat.tzHours ?? 9;
  const items: { id: number; json: Record<string, unknown> }[] = posts.map((p) => ({ id: p.id, json: jsonMessage(p, chat) }));
  for (const id of serviceIds) {
    const before = [...posts].reverse().find((p) => p.id < id) ?? posts[0]!;
    items.push({
      id,
      json: {
        id,
        type: 'service',
        date: wallTime(before.unix + 60, tz),
        date_unixtime: String(before.unix + 60),
        actor: chat.name,
        actor_id: `channel${chat.id}`,
        action: 'pin_message',
        message_id: before.id,
        text: '',
        text_entities: [],
      },
    });
  }
  items.sort((x, y) => x.id - y.id);
  const doc = { name: chat.name, type: chat.type ?? 'public_channel', id: chat.id, messages: items.map((i) => i.json) };
  return JSON.stringify(doc, null, 1) + '\n';
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function htmlText(text: string): string {
  let out = '';
  let last = 0;
  for (const m of text.matchAll(ENTITY_RE)) {
    out += esc(text.slice(last, m.index));
    if (m[1] !== undefined) out += `<strong>${esc(m[1])}</strong>`;
    else if (m[2] !== undefined) out += `<a href="${esc(m[3]!)}">${esc(m[2])}</a>`;
    else if (m[4] !== undefined) out += `<a href="" onclick="return ShowHashtag(&quot;${esc(m[4].slice(1))}&quot;)">${esc(m[4])}</a>`;
    else out += `<a href="${esc(m[5]!)}">${esc(m[5]!)}</a>`;
    last = m.index + m[0].length;
  }
  return (out + esc(text.slice(last))).replace(/\n/g, '<br>');
}

function htmlDate(unix: number, tzHours: number): string {
  const w = wallTime(unix, tzHours);
  const sign = tzHours < 0 ? '-' : '+';
  const off = `${sign}${String(Math.abs(tzHours)).padStart(2, '0')}:00`;
  return `${w.slice(8, 10)}.${w.slice(5, 7)}.${w.slice(0, 4)} ${w.slice(11)} UTC${off}`;
}

/** One `messages.html` page of a channel export (no edit marks: the HTML export has none). */
export function messagesHtml(title: string, posts: ExportPost[], tzHours = 9): string {
  const messages = posts
    .map((p, i) => {
      const joined = i > 0 ? ' joined' : '';
      const from = i === 0 ? `\n       <div class="from_name">\n${esc(title)}\n       </div>\n` : '';
      const photo = p.photo
        ? `\n       <div class="media_wrap clearfix">\n        <a class="photo_wrap clearfix pull_left" href="${esc(p.photo)}">\n         <img class="photo" src="${esc(p.photo)}" style="width: 260px; height: 195px"/>\n        </a>\n       </div>\n`
        : '';
      const reactions = p.reactions?.length
        ? `\n       <span class="reactions">\n${p.reactions.map((r) => `        <span class="reaction">\n         <span class="emoji">\n${r.emoji}\n         </span>\n         <span class="count">\n${r.count}\n         </span>\n        </span>\n`).join('')}       </span>\n`
        : '';
      return `
     <div class="message default clearfix${joined}" id="message${p.id}">

      <div class="body">

       <div class="pull_right date details" title="${htmlDate(p.unix, tzHours)}">
${wallTime(p.unix, tzHours).slice(11, 16)}
       </div>
${from}${photo}
       <div class="text">
${htmlText(p.text)}
       </div>
${reactions}
      </div>

     </div>
`;
    })
    .join('');
  return `<!DOCTYPE html>
<html>

 <head>

  <meta charset="utf-8"/>
<title>Exported Data</title>
  <meta name="viewport" content="width=device-width, initial-scale=1.0"/>

  <link href="css/style.css" rel="stylesheet"/>

 </head>

 <body onload="CheckLocation();">

  <div class="page_wrap">

   <div class="page_header">

    <div class="content">

     <div class="text bold">
${esc(title)}
     </div>

    </div>

   </div>

   <div class="page_body chat_page">

    <div class="history">
${messages}
    </div>

   </div>

  </div>

 </body>

</html>
`;
}

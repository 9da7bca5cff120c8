/**
 * Is this file a newsletter digest in Markdown? Scored from the first 64 KiB:
 *
 * - a YAML frontmatter declaring `newsletter:` (or `publication:`) → 0.95, closed or
 *   not (an unclosed one is still ours, to report as malformed);
 * - otherwise: at least two `---`-style separator lines, and at least half of the
 *   (at least three) blocks opening with a bold span — or with a `##` heading in a
 *   block that links arXiv/GitHub/Hugging Face — → 0.6–0.9, a little more when
 *   titles carry link-label lists (`( paper / code )`).
 *
 * JSON, HTML, Next.js flight payloads and Telegram text copies score 0 however
 * they look further down. Plain Markdown (READMEs: headings, no separators) scores 0.
 */
import { opensFrontmatter } from './frontmatter.ts';

const BREAK_LINE = /^ {0,3}(?:(?:-[ \t]*){3,}|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,})$/;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const BOLD_OPEN = /^ {0,3}(?:\*\*|__)(?=\S)/;
/** `##`–`####` item headings count only in blocks that point at a paper: READMEs have headings and rules too. */
const HEADING_OPEN = /^ {0,3}#{2,4}[ \t]+\S/;
const RESEARCH_LINK = /\bhttps?:\/\/(?:www\.)?(?:arxiv\.org|github\.com|huggingface\.co)\//i;
const LABELS = /\(\s*(?:paper|code|demo|논문|코드)\b[^)]*\)\s*(?:\*\*|__)?\s*$/i;

export function detectDigest(head: string): number {
  const text = head.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const lines = text.split('\n');
  const firstLine = lines.find((l) => l.trim() !== '')?.trim() ?? '';
  if (/^[{[<]/.test(firstLine)) return 0; // JSON, HTML, XML
  if (/^[0-9a-f]{1,6}:(?:I\[|HL\[|\[|\{|"|T[0-9a-f]+,)/i.test(firstLine)) return 0; // RSC flight rows (`0:[…`, `3:I[…`)
  if (/\s[–—-]\s*Telegram\s*$/.test(firstLine)) return 0;
  if (/^\s*\d[\d.,]*\s*[KMkm]?\s+(?:subscribers|members)\s*$/m.test(lines.slice(0, 20).join('\n'))) return 0;

  let start = 0;
  if (opensFrontmatter(lines)) {
    const close = lines.findIndex((l, i) => i > 0 && /^(?:---|\.\.\.)[ \t]*$/.test(l));
    const yaml = lines.slice(1, close < 0 ? Math.min(lines.length, 60) : close);
    if (yaml.some((l) => /^(?:newsletter|publication)[ \t]*:/.test(l))) return 0.95;
    start = close < 0 ? lines.length : close + 1;
  }

  const blocks: string[][] = [[]];
  let breaks = 0;
  let fence: string | undefined;
  for (const line of lines.slice(start)) {
    const f = FENCE.exec(line)?.[1];
    if (fence) {
      if (f && f[0] === fence[0] && f.length >= fence.length) fence = undefined;
    } else if (f) fence = f;
    else if (BREAK_LINE.test(line)) {
      breaks++;
      blocks.push([]);
      continue;
    }
    blocks[blocks.length - 1]!.push(line);
  }
  const nonEmpty = blocks.filter((b) => b.some((l) => l.trim() !== ''));
  if (breaks < 2 || nonEmpty.length < 3) return 0;
  const openings = nonEmpty.map((b) => b.find((l) => l.trim() !== '')!);
  const titled = nonEmpty.filter((b, i) => BOLD_OPEN.test(openings[i]!) || (HEADING_OPEN.test(openings[i]!) && b.some((l) => RESEARCH_LINK.test(l) || LABELS.test(l))));
  const ratio = titled.length / nonEmpty.length;
  if (ratio < 0.5) return 0;
  const labelled = openings.some((l) => LABELS.test(l));
  return Math.min(0.95, 0.6 + 0.3 * ratio + (labelled ? 0.05 : 0));
}

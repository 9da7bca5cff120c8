/**
 * Rendered paper-review pages (`index.html`): the Next.js export (its flight
 * payload is pushed by inline scripts and read like `index.txt`) and the older
 * Jekyll "Minimal Mistakes" rendering (plain article markup).
 */
import { readFile } from 'node:fs/promises';
import { fromHtml } from 'hast-util-from-html';
import type { Adapter, ParseResult, ReviewMeta } from '../types.ts';
import { parseFlightRows } from './review/flight.ts';
import { pageFromDom } from './review/from-dom.ts';
import { pageFromFlight } from './review/from-flight.ts';
import { flightFromPushes } from './review/next-pushes.ts';
import type { ReviewPage } from './review/page.ts';
import { reviewRecord } from './review/record.ts';

const HTML_START = /^\s*(?:<!--[\s\S]*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b/i;

export const reviewHtml: Adapter = {
  id: 'review-html',
  detect(file) {
    const text = file.text ?? file.head;
    if (!HTML_START.test(text.slice(0, 4096))) return 0;
    // Class names of the Minimal Mistakes layout, shared by both generators.
    const title = /\bpage__title\b/.test(text);
    if (text.includes('self.__next_f.push') && title) return 0.95;
    if (title && /\bpage__content\b/.test(text)) return 0.9;
    return title ? 0.3 : 0;
  },
  async parse(file): Promise<ParseResult> {
    const text = file.text ?? (await readFile(file.absPath, 'utf8'));
    const warnings: ParseResult['warnings'] = [];
    const tree = fromHtml(text);
    const isNext = /__next_f|\/_next\/static\//.test(text);
    const generator: ReviewMeta['generator'] = isNext ? 'nextjs-html' : 'jekyll-html';

    let page: ReviewPage | undefined;
    const flight = isNext ? flightFromPushes(tree, file.path, warnings) : undefined;
    if (flight !== undefined && flight.includes('page__title')) {
      page = pageFromFlight(parseFlightRows(Buffer.from(flight, 'utf8'), file.path, 'flight '), file.path, warnings, 'flight ');
    } else {
      if (isNext) warnings.push({ location: 'html', message: 'no page tree in the __next_f payload; read the rendered article instead' });
      page = pageFromDom(tree, file.path);
    }
    return { records: [reviewRecord(page, file, 'review-html', generator, warnings)], skipped: [], warnings };
  },
};

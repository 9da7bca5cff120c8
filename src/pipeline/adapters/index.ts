/** Every input format the ingest understands, one adapter each. Order breaks detection ties. */
import type { Adapter } from '../types.ts';
import { telegramJson } from './telegram-json.ts';
import { telegramHtml } from './telegram-html.ts';
import { telegramWeb } from './telegram-web.ts';
import { telegramText } from './telegram-text.ts';
import { reviewFlight } from './review-flight.ts';
import { reviewHtml } from './review-html.ts';
import { digestMarkdown } from './digest-markdown.ts';

export const ADAPTERS: readonly Adapter[] = [
  telegramJson,
  telegramHtml,
  telegramWeb,
  reviewFlight,
  reviewHtml,
  digestMarkdown,
  telegramText,
];

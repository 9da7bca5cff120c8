/**
 * Research item or not? A digest issue mixes research items with a sponsor
 * message, course adverts and the closing call to subscribe. The rule is
 * vocabulary against vocabulary, not this wording: promotional terms
 * (Korean and English) are weighed against research signals (a link-label list
 * in the title, links to arXiv/GitHub/Hugging Face, research words). A block is
 * promotional when its promotional terms are at least two and not outweighed,
 * or when it is the first or last block and has a promotional term and
 * no research signal at all. A first or last block with no research signal and
 * no link at all is the intro or outro, whatever its title.
 */
import type { LinkType } from '../../types.ts';

/** Terms are matched case-insensitively; Latin terms on word boundaries, Hangul ones as substrings. */
const SPONSOR_TERMS = [
  'sponsor', 'sponsored', 'sponsors', 'advertisement', 'advertise', 'course', 'courses', 'lesson', 'lessons', 'discount',
  'refund', 'coupon', 'promo code', 'use code', 'enroll', 'webinar', 'free trial', 'brought to you by', 'presented by',
  'our partner', 'in partnership with', 'money-back', 'early bird', 'limited time',
  '스폰서', '광고', '코스', '강의', '레슨', '수강', '할인', '환불', '쿠폰', '프로모션', '웨비나', '무료 체험', '후원', '제휴', '얼리버드',
];
const CALL_TERMS = [
  'subscribe', 'subscribed', 'subscription', 'subscriber', 'subscribers', 'thanks for reading', 'thank you for reading',
  'share this', 'please share', 'leave a comment', 'upgrade to paid', 'paid subscriber', 'forward this', 'refer a friend',
  'unsubscribe', 'sign up', 'share it', 'forward it', 'enjoyed this',
  '구독', '좋아요', '공유해', '댓글', '읽어주셔서', '후원하기', '뉴스레터 신청',
];
const RESEARCH_TERMS = [
  'paper', 'research', 'researchers', 'authors', 'benchmark', 'benchmarks', 'experiment', 'experiments', 'model',
  'models', 'dataset', 'architecture', 'algorithm', 'accuracy', 'arxiv', 'we propose', 'state-of-the-art', 'sota',
  'training', 'inference', 'baseline', 'outperforms',
  '논문', '연구', '저자', '벤치마크', '실험', '모델', '데이터셋', '아키텍처', '알고리즘', '정확도', '제안', '훈련', '추론', '성능',
];

const RESEARCH_LINKS: ReadonlySet<LinkType> = new Set(['arxiv', 'github', 'huggingface']);

function matcher(term: string): RegExp {
  const escaped = term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+');
  return /^[\x00-\x7f]+$/.test(term) ? new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'iu') : new RegExp(escaped, 'iu');
}
const compiled = (terms: string[]) => terms.map((t) => ({ term: t, re: matcher(t) }));
const SPONSOR = compiled(SPONSOR_TERMS);
const CALL = compiled(CALL_TERMS);
const RESEARCH = compiled(RESEARCH_TERMS);

const found = (list: { term: string; re: RegExp }[], s: string) => list.filter(({ re }) => re.test(s)).map(({ term }) => term);

export interface BlockFacts {
  /** Title text, '' when the block has no title line. */
  title: string;
  /** Plain text of the whole block, title included. */
  text: string;
  /** The title ended in a link-label list (`( paper / code )`). */
  hasLinkLabels: boolean;
  linkTypes: LinkType[];
  /** First or last block of the issue. */
  atEdge: boolean;
}

export type Verdict = { research: true } | { research: false; reason: string };

export function classifyBlock(b: BlockFacts): Verdict {
  const sponsor = found(SPONSOR, b.text);
  const call = found(CALL, b.text);
  // A promotional word in the title ("Sponsored by…", "Subscribe") all but settles it.
  const titleBonus = b.title && (found(SPONSOR, b.title).length || found(CALL, b.title).length) ? 2 : 0;
  const promo = sponsor.length + call.length + titleBonus;
  const research = found(RESEARCH, b.text).length + (b.hasLinkLabels ? 3 : 0) + (b.linkTypes.some((t) => RESEARCH_LINKS.has(t)) ? 2 : 0);
  const label = b.title ? `"${b.title}"` : `"${excerpt(b.text)}"`;
  const kind = call.length > sponsor.length ? 'call to action' : 'sponsor or promotion';
  const terms = [...sponsor, ...call].join(', ');

  if (!b.title) {
    return { research: false, reason: promo ? `${kind} (${terms}), no title line: ${label}` : `no bold title line (intro or outro text): ${label}` };
  }
  if ((promo >= 2 && promo >= research) || (b.atEdge && promo >= 1 && research === 0)) {
    return { research: false, reason: `${kind} (${terms}): ${label}` };
  }
  if (b.atEdge && research === 0 && !b.linkTypes.length) {
    return { research: false, reason: `first or last block without any research signal (intro or outro): ${label}` };
  }
  return { research: true };
}

/** The first words of a block, for naming an untitled one in a report. */
export function excerpt(s: string, max = 60): string {
  const flat = s.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max).replace(/\s+\S*$/, '')}…`;
}

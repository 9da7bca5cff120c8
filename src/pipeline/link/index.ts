/**
 * The "link topics" stage: match topic names in source bodies (Korean-aware),
 * link the first mention of each topic, and record mentions for topic pages.
 */
export { buildMatcher, topicTerms, separatorVariants, type Match, type Matcher, type TopicTerms } from './matcher.ts';
export { linkBody, type LinkBodyOptions, type Mention, type Passage } from './link-body.ts';
export { passageAround, plainSentences, sentenceSpans } from './passages.ts';
export {
  PARTICLES,
  foldWithMap,
  isHangulCode,
  isParticleChain,
  isWordCode,
  normaliseForMatch,
  scriptBoundarySplit,
  stripParticle,
  type FoldedText,
} from './korean.ts';

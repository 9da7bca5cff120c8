/**
 * The content model of topic entries: `content/topics/<kind>/<slug>.mdx`.
 *
 * One base schema and one variant per kind with a literal `kind` (the shape of
 * withastro/docs' content.config). The file name is the slug (ASCII kebab-case
 * from the canonical English name); the folder must match `kind`.
 * People edit these files; the ingest only ever creates new ones.
 */
import { z } from 'zod';

export const TOPIC_KINDS = ['models', 'techniques', 'infra', 'policy'] as const;
export type TopicKind = (typeof TOPIC_KINDS)[number];

/** Korean labels of the kinds, used across the UI. */
export const KIND_LABEL_KO: Record<TopicKind, string> = {
  models: '모델',
  techniques: '기법',
  infra: '인프라',
  policy: '정책',
};

/** Typed relations a topic can state about another (`target` is `<kind>/<slug>`). */
export const RELATION_TYPES = [
  'uses', // a model uses a technique / infra
  'used-by',
  'developed-by', // a model is developed by an organisation (as infra/company topics)
  'successor-of', // DeepSeek-V3 → DeepSeek-V2
  'part-of', // MLA part-of DeepSeek-V3 architecture
  'variant-of', // GRPO variant-of PPO
  'restricts', // a policy restricts infra (AI Diffusion Rule restricts H100)
  'runs-on', // a model runs-on infra
  'competes-with',
] as const;

const topicRef = z.string().regex(/^(models|techniques|infra|policy)\/[a-z0-9]+(-[a-z0-9]+)*$/, 'expected "<kind>/<slug>"');

const base = z.object({
  /** Canonical English name as readers search for it (`Multi-head Latent Attention`). */
  name: z.string().min(1),
  /** Korean name, when one is in use (`멀티헤드 잠재 어텐션`). */
  nameKo: z.string().min(1).optional(),
  /**
   * Every other form readers write: acronyms, spellings, spacing variants, transliterations
   * (`MLA`, `딥시크`, `딥씨크`, `KV 캐시`). Latin aliases match case-insensitively at word
   * boundaries; Hangul aliases match with or without inner spaces and with particles attached.
   */
  aliases: z.array(z.string().min(1)).default([]),
  /**
   * Aliases (or the name) that match only in exactly this case, for words that are also
   * ordinary English (`Lean`, `Operator`). Default: none.
   */
  caseSensitive: z.array(z.string().min(1)).default([]),
  /** Forms that must never link to this topic even though an alias matches inside them. Default: none. */
  exclude: z.array(z.string().min(1)).default([]),
  /** One-sentence Korean description, shown under the title and in link previews. */
  description: z.string().min(1),
  /** Previous slugs of this topic (renames, merges): each gets a redirect here. Default: none. */
  redirectFrom: z.array(z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/)).default([]),
  /** Typed relations stated by a person; the site adds ones it finds in the text. */
  relations: z.array(z.object({ type: z.enum(RELATION_TYPES), target: topicRef })).default([]),
  /** External links: paper, code, model card, official page. */
  links: z.array(z.object({ label: z.string().min(1), url: z.string().url() })).default([]),
  /** `curated`: written or checked by a person; `candidate`: created by the ingest from frequent terms. Default `curated`. */
  status: z.enum(['curated', 'candidate']).default('curated'),
});

export const modelTopic = base.extend({ kind: z.literal('models') });
export const techniqueTopic = base.extend({ kind: z.literal('techniques') });
export const infraTopic = base.extend({ kind: z.literal('infra') });
export const policyTopic = base.extend({ kind: z.literal('policy') });

export const topicSchema = z.discriminatedUnion('kind', [modelTopic, techniqueTopic, infraTopic, policyTopic]);
export type TopicData = z.infer<typeof topicSchema>;
export type ModelTopic = z.infer<typeof modelTopic>;
export type TechniqueTopic = z.infer<typeof techniqueTopic>;
export type InfraTopic = z.infer<typeof infraTopic>;
export type PolicyTopic = z.infer<typeof policyTopic>;
export const isModelTopic = (t: TopicData): t is ModelTopic => t.kind === 'models';
export const isTechniqueTopic = (t: TopicData): t is TechniqueTopic => t.kind === 'techniques';
export const isInfraTopic = (t: TopicData): t is InfraTopic => t.kind === 'infra';
export const isPolicyTopic = (t: TopicData): t is PolicyTopic => t.kind === 'policy';

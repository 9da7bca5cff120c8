/** Korean UI labels that are not part of the content model. */
import type { TopicKind } from '../../schema/topic.ts';

/** Pagefind `kind` filter values: the kind labels plus 출처 for source pages. */
export const SOURCE_FILTER = '출처';

/** Short English slugs of kinds for CSS hooks (badge colours). */
export const KIND_CLASS: Record<TopicKind, string> = { models: 'k-models', techniques: 'k-techniques', infra: 'k-infra', policy: 'k-policy' };

/** One-line explanations of the kinds for the home page and kind indexes. */
export const KIND_BLURB: Record<TopicKind, string> = {
  models: '언어 모델과 멀티모달 모델, 그 계열과 버전',
  techniques: '학습·추론·정렬 기법과 아키텍처 구성 요소',
  infra: '칩, 클러스터, 프레임워크, 서빙과 개발 도구',
  policy: '규제, 수출 통제, 거버넌스와 안전 정책',
};

/**
 * Relation labels: `[forward, inverse]`. Forward is shown on the page of the topic
 * that states the relation ("A uses B" → on A: 사용 B); inverse on the target's
 * page ("A uses B" → on B: 사용됨 A). Both are phrased from the page's own topic.
 */
export const RELATION_LABEL: Record<string, readonly [string, string]> = {
  uses: ['사용', '사용됨'],
  'used-by': ['사용됨', '사용'],
  'developed-by': ['개발', '개발한 항목'],
  'successor-of': ['이전 버전', '후속'],
  'part-of': ['상위 구성', '구성 요소'],
  'variant-of': ['원형', '변형'],
  restricts: ['제한', '제한받음'],
  'runs-on': ['실행 환경', '이 위에서 실행'],
  'competes-with': ['경쟁', '경쟁'],
};

export function relationLabel(type: string, inverse: boolean): string {
  const pair = RELATION_LABEL[type];
  return pair ? pair[inverse ? 1 : 0] : type;
}

/** Labels of external link types (from src/pipeline/util/links.ts `linkType`). */
export const LINK_TYPE_LABEL: Record<string, string> = {
  arxiv: 'arXiv',
  youtube: 'YouTube',
  github: 'GitHub',
  huggingface: 'Hugging Face',
  x: 'X',
  telegram: 'Telegram',
  web: '웹',
};

export const MEDIA_TYPE_LABEL: Record<string, string> = {
  photo: '사진',
  video: '동영상',
  animation: '애니메이션',
  sticker: '스티커',
  voice: '음성 메시지',
  audio: '오디오',
  file: '파일',
  poll: '설문',
  location: '위치',
  contact: '연락처',
  other: '첨부',
};

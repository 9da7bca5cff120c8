export const SITE_NAME = 'AI 지식 베이스';
export const SITE_DESCRIPTION =
  '텔레그램 채널, 뉴스레터, 논문 리뷰에서 모은 AI 소식을 모델·기법·인프라·정책 주제로 엮은 한국어 지식 베이스.';

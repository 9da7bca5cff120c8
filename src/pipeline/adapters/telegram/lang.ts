/** Best-guess language of a text from its dominant script (the site only needs a coarse `lang`). */

const SCRIPTS: [RegExp, string][] = [
  [/\p{Script=Hangul}/u, 'ko'],
  [/[\p{Script=Hiragana}\p{Script=Katakana}]/u, 'ja'],
  [/\p{Script=Han}/u, 'zh'],
  [/\p{Script=Cyrillic}/u, 'ru'],
  [/\p{Script=Arabic}/u, 'ar'],
  [/\p{Script=Hebrew}/u, 'he'],
  [/\p{Script=Greek}/u, 'el'],
  [/\p{Script=Thai}/u, 'th'],
  [/\p{Script=Devanagari}/u, 'hi'],
  [/\p{Script=Latin}/u, 'en'],
];

export function detectLang(value: string): string {
  const counts = new Map<string, number>();
  let letters = 0;
  // URLs are Latin whatever the language of the text around them.
  const prose = value.replace(/(?:https?:\/\/|www\.|t\.me\/)\S+/gi, ' ');
  for (const ch of prose) {
    if (!/\p{L}/u.test(ch)) continue;
    letters++;
    for (const [re, lang] of SCRIPTS) {
      if (re.test(ch)) {
        counts.set(lang, (counts.get(lang) ?? 0) + 1);
        break;
      }
    }
  }
  if (!letters) return 'und';
  // The site is Korean: a post that mixes Hangul with English terms is a Korean post.
  const ko = counts.get('ko') ?? 0;
  if (ko >= 2 && ko / letters >= 0.05) return 'ko';
  // Kana is the signal for Japanese even when kanji outnumber it.
  if ((counts.get('ja') ?? 0) >= 2) return 'ja';
  let best = 'und';
  let bestCount = 0;
  for (const [lang, n] of counts) {
    if (n > bestCount) {
      best = lang;
      bestCount = n;
    }
  }
  return best;
}

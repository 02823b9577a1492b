import type { Lang } from '../i18n';

const nf = new Map<string, Intl.NumberFormat>();

export function formatNumber(n: number | null | undefined, lang: Lang): string {
  if (n === null || n === undefined) return '';
  const key = lang;
  let f = nf.get(key);
  if (!f) {
    f = new Intl.NumberFormat(lang === 'en' ? 'en-US' : 'th-TH');
    nf.set(key, f);
  }
  return f.format(n);
}

/** A form's text for an optional field: trimmed, and null when nothing is left. */
export const blankToNull = (s: string): string | null => (s.trim() === '' ? null : s.trim());

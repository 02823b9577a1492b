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

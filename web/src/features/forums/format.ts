import type { Forum } from '../../../../common/schemas/knowledge';
import { fiscalYearOf, formatFiscalYear } from '../../../../common/thai/dates';
import { formatDate } from '../../ui/dates';

/** "ปีงบประมาณ พ.ศ. 2569" / "FY 2569 B.E." */
export const fiscalYearLabel = (y: number, lang: 'th' | 'en') => formatFiscalYear(y, lang);

/** Thai fiscal years (B.E.) for filters: the current one (from 1 October) and the nine before it. */
export function fiscalYearOptions(lang: 'th' | 'en') {
  const current = fiscalYearOf(new Date());
  return Array.from({ length: 10 }, (_, i) => {
    const y = current - i;
    return { value: String(y), label: fiscalYearLabel(y, lang) };
  });
}

/** "3 มี.ค. 2568" or "3 มี.ค. 2568 – 4 มี.ค. 2568" for a forum over several days. */
export function forumDates(f: Pick<Forum, 'heldOn' | 'endOn'>, lang: 'th' | 'en', style: 'short' | 'long' = 'short') {
  return f.endOn && f.endOn !== f.heldOn ? `${formatDate(f.heldOn, lang, style)} – ${formatDate(f.endOn, lang, style)}` : formatDate(f.heldOn, lang, style);
}

import type { TFunction } from 'i18next';

const PARTNER_FIELDS = [
  'kind',
  'name',
  'nameEn',
  'sector',
  'pillar',
  'orgType',
  'position',
  'citizenId',
  'phone',
  'email',
  'lineId',
  'website',
  'note',
  'address',
];
const ADDRESS_FIELDS = ['line', 'moo', 'subdistrict', 'district', 'province', 'postcode'];
const CONSENT_FIELDS = ['purpose', 'lawfulBasis', 'date'];

/** Human label for a partner field path such as "address.province" or "citizenId". */
export function partnerFieldLabel(t: TFunction, path: string): string {
  const [head, tail] = path.split('.', 2);
  if (head === 'address' && tail && ADDRESS_FIELDS.includes(tail)) return t(`address.${tail}`);
  if (head === 'consent' && tail && CONSENT_FIELDS.includes(tail)) return t(`consent.${tail}`);
  if (!tail && PARTNER_FIELDS.includes(head)) return t(`partner.${head}`);
  if (!tail && ADDRESS_FIELDS.includes(head)) return t(`address.${head}`);
  return path;
}

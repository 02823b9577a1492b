/**
 * Thai address lookup and validation: province (จังหวัด) → district (อำเภอ/เขต)
 * → subdistrict (ตำบล/แขวง) → postcode.
 *
 * This module statically imports the vendored dataset (~380 KB JSON, ~97 KB
 * gzipped), so the web app should load it lazily:
 *
 *   const { searchThaiAddress } = await import('../common/thai/address');
 *   // or: const addr = await loadThaiAddress();   (from '../common/thai')
 *
 * Data: see ./README.md (source package, version, licence, how to regenerate).
 */
import rawData from './address-data.json';
import type {
  ThaiAddressDataSource,
  ThaiAddressError,
  ThaiAddressInput,
  ThaiAddressMatch,
  ThaiAddressResolved,
  ThaiAddressValidation,
  ThaiPlace,
  ThaiSubdistrictPlace,
} from './address-types';
import { normalizeThaiText, placeKey, stripAdminPrefix, toArabicDigits } from './text';

export type * from './address-types';

// ---------------------------------------------------------------------------
// Dataset shape (see scripts/address-dataset/build.mjs)

type RawSubdistrict = readonly [th: string, en: string, postcode: number | readonly number[]];
type RawDistrict = readonly [th: string, en: string, subdistricts: readonly RawSubdistrict[]];
type RawProvince = readonly [th: string, en: string, districts: readonly RawDistrict[]];
interface RawDataset {
  meta: ThaiAddressDataSource & { note?: string };
  provinces: readonly RawProvince[];
}

const DATA = rawData as unknown as RawDataset;

/** Where the vendored dataset comes from (package, version, licence). */
export const THAI_ADDRESS_DATA_SOURCE: ThaiAddressDataSource = {
  source: DATA.meta.source,
  version: DATA.meta.version,
  license: DATA.meta.license,
};

interface Province {
  name: string;
  nameEn: string;
  key: string;
  keyEn: string;
  districts: District[];
}
interface District {
  name: string;
  nameEn: string;
  key: string;
  keyEn: string;
  province: Province;
  subdistricts: Subdistrict[];
}
interface Subdistrict {
  name: string;
  nameEn: string;
  key: string;
  keyEn: string;
  district: District;
  postcodes: string[];
}
interface Index {
  provinces: Province[];
  districts: District[];
  subdistricts: Subdistrict[];
}

let cachedIndex: Index | undefined;

/** Expands the compact JSON into linked objects once, on first use. */
function getIndex(): Index {
  if (cachedIndex) return cachedIndex;
  const provinces: Province[] = [];
  const districts: District[] = [];
  const subdistricts: Subdistrict[] = [];
  for (const [pTh, pEn, rawDistricts] of DATA.provinces) {
    const province: Province = { name: pTh, nameEn: pEn, key: placeKey(pTh), keyEn: placeKey(pEn), districts: [] };
    provinces.push(province);
    for (const [dTh, dEn, rawSubs] of rawDistricts) {
      const district: District = {
        name: dTh,
        nameEn: dEn,
        key: placeKey(dTh),
        keyEn: placeKey(dEn),
        province,
        subdistricts: [],
      };
      province.districts.push(district);
      districts.push(district);
      for (const [sTh, sEn, pcs] of rawSubs) {
        const sub: Subdistrict = {
          name: sTh,
          nameEn: sEn,
          key: placeKey(sTh),
          keyEn: placeKey(sEn),
          district,
          postcodes: (typeof pcs === 'number' ? [pcs] : [...pcs]).map(String),
        };
        district.subdistricts.push(sub);
        subdistricts.push(sub);
      }
    }
  }
  cachedIndex = { provinces, districts, subdistricts };
  return cachedIndex;
}

// ---------------------------------------------------------------------------
// Name matching

const BANGKOK = 'กรุงเทพมหานคร';
const PROVINCE_ALIASES = new Map<string, string>(
  ['กทม', 'กทม.', 'กรุงเทพ', 'กรุงเทพฯ', 'Krung Thep', 'Krung Thep Maha Nakhon', 'BKK', 'Bangkok Metropolis'].map((alias) => [placeKey(alias), BANGKOK] as const),
);
const MUEANG_KEYS = new Set([placeKey('เมือง'), placeKey('Mueang'), placeKey('Muang')]);

/** Text of an optional field, or undefined when missing/blank. */
function given(value: string | number | null | undefined): string | undefined {
  if (value === null || value === undefined) return undefined;
  const s = normalizeThaiText(toArabicDigits(String(value)));
  return s === '' ? undefined : s;
}

function keysFor(value: string, level: 'province' | 'district' | 'subdistrict'): Set<string> {
  const keys = new Set<string>([placeKey(value), placeKey(stripAdminPrefix(value, level))]);
  keys.delete('');
  if (level === 'province') {
    for (const k of [...keys]) {
      const alias = PROVINCE_ALIASES.get(k);
      if (alias) keys.add(placeKey(alias));
    }
  }
  return keys;
}

const matchesKeys = (place: { key: string; keyEn: string }, keys: Set<string>): boolean => keys.has(place.key) || keys.has(place.keyEn);

/**
 * District match, including the colloquial "อ.เมือง" / "Mueang" for the
 * province's capital district (เมืองเชียงใหม่, or พระนครศรีอยุธยา for Ayutthaya).
 */
function districtMatches(d: District, keys: Set<string>): boolean {
  if (matchesKeys(d, keys)) return true;
  for (const k of keys) {
    if (!MUEANG_KEYS.has(k)) continue;
    const p = d.province;
    if (d.key === placeKey('เมือง' + p.name) || d.key === p.key) return true;
  }
  return false;
}

interface Check {
  errors: ThaiAddressError[];
  provinces: Province[];
  districts: District[];
  subdistricts: Subdistrict[];
  /** Which levels were given and matched (so they narrowed the scope). */
  matched: { province: boolean; district: boolean; subdistrict: boolean; postcode: string | undefined };
}

/**
 * Narrows province → district → subdistrict → postcode. A field that does not
 * match is reported and then ignored (the scope stays as it was), so each
 * error points at the first inconsistent field rather than cascading.
 */
function check(input: ThaiAddressInput): Check {
  const idx = getIndex();
  const errors: ThaiAddressError[] = [];
  const matched: Check['matched'] = { province: false, district: false, subdistrict: false, postcode: undefined };

  let provinces = idx.provinces;
  const province = given(input.province);
  if (province !== undefined) {
    const keys = keysFor(province, 'province');
    const m = provinces.filter((p) => matchesKeys(p, keys));
    if (m.length === 0) errors.push({ field: 'province', code: 'unknown_province' });
    else {
      provinces = m;
      matched.province = true;
    }
  }

  let districts = provinces === idx.provinces ? idx.districts : provinces.flatMap((p) => p.districts);
  const district = given(input.district);
  if (district !== undefined) {
    const keys = keysFor(district, 'district');
    const m = districts.filter((d) => districtMatches(d, keys));
    if (m.length === 0) errors.push({ field: 'district', code: 'unknown_district' });
    else {
      districts = m;
      matched.district = true;
    }
  }

  let subdistricts = districts === idx.districts ? idx.subdistricts : districts.flatMap((d) => d.subdistricts);
  const subdistrict = given(input.subdistrict);
  if (subdistrict !== undefined) {
    const keys = keysFor(subdistrict, 'subdistrict');
    const m = subdistricts.filter((s) => matchesKeys(s, keys));
    if (m.length === 0) errors.push({ field: 'subdistrict', code: 'unknown_subdistrict' });
    else {
      subdistricts = m;
      matched.subdistrict = true;
    }
  }

  const postcode = given(input.postcode)?.replace(/\s/g, '');
  if (postcode !== undefined) {
    const ok = /^\d{5}$/.test(postcode) && subdistricts.some((s) => s.postcodes.includes(postcode));
    if (ok) matched.postcode = postcode;
    else errors.push({ field: 'postcode', code: 'postcode_mismatch' });
  }

  return { errors, provinces, districts, subdistricts, matched };
}

/**
 * Checks that the given address parts exist and are consistent top-down.
 * Each field is optional; a given field must exist within the fields above it
 * (e.g. subdistrict ชมภู is valid for district สารภี but not for สันทราย).
 * Names are compared after trimming, Unicode normalisation and removing an
 * administrative prefix (จังหวัด/จ., อำเภอ/อ./เขต, ตำบล/ต./แขวง); the romanised
 * names from the dataset are accepted too (case-insensitive). The postcode
 * must be 5 digits and belong to one of the matching subdistricts (or, if no
 * subdistrict was given, to the matching district/province).
 */
export function validateThaiAddress(input: ThaiAddressInput): ThaiAddressValidation {
  const { errors } = check(input);
  return errors.length === 0 ? { ok: true } : { ok: false, errors };
}

function uniqueName<T extends { name: string }>(items: readonly T[]): string | undefined {
  const names = new Set(items.map((i) => i.name));
  return names.size === 1 ? items[0]!.name : undefined;
}

/**
 * Like {@link validateThaiAddress} but returns the canonical dataset spelling
 * (no prefixes, Thai) of every given field, or `null` if the address is
 * invalid. A name that remains ambiguous (e.g. district "เฉลิมพระเกียรติ"
 * without a province) is still returned, since its spelling is unambiguous.
 * Also fills `province`/`district` when they follow unambiguously from a
 * lower field (e.g. subdistrict + postcode).
 */
export function resolveThaiAddress(input: ThaiAddressInput): ThaiAddressResolved | null {
  const c = check(input);
  if (c.errors.length > 0) return null;
  let subs = c.subdistricts;
  if (c.matched.postcode) subs = subs.filter((s) => s.postcodes.includes(c.matched.postcode!));
  const out: ThaiAddressResolved = {};
  const anyGiven = c.matched.province || c.matched.district || c.matched.subdistrict || c.matched.postcode;
  if (!anyGiven) return out;
  const subName = c.matched.subdistrict ? uniqueName(subs) : undefined;
  const dists = [...new Set(subs.map((s) => s.district))];
  const provs = [...new Set(dists.map((d) => d.province))];
  const dName = uniqueName(dists);
  const pName = uniqueName(provs);
  if (subName !== undefined) out.subdistrict = subName;
  if (dName !== undefined) out.district = dName;
  if (pName !== undefined) out.province = pName;
  if (c.matched.postcode) out.postcode = c.matched.postcode;
  else if (subs.length > 0 && c.matched.subdistrict) {
    const pcs = new Set(subs.flatMap((s) => s.postcodes));
    const [only] = pcs;
    if (pcs.size === 1 && only !== undefined) out.postcode = only;
  }
  return out;
}

// ---------------------------------------------------------------------------
// Listing

/** All 77 provinces in Thai dictionary order. */
export function listProvinces(): ThaiPlace[] {
  return getIndex().provinces.map((p) => ({ name: p.name, nameEn: p.nameEn }));
}

function findProvinces(province: string): Province[] {
  const v = given(province);
  if (v === undefined) return [];
  const keys = keysFor(v, 'province');
  return getIndex().provinces.filter((p) => matchesKeys(p, keys));
}

/** Districts (อำเภอ/เขต) of a province, given by Thai or English name, with or without prefix. Unknown → []. */
export function listDistricts(province: string): ThaiPlace[] {
  return findProvinces(province).flatMap((p) => p.districts.map((d) => ({ name: d.name, nameEn: d.nameEn })));
}

/** Subdistricts (ตำบล/แขวง) of a district within a province, with their postcodes. Unknown → []. */
export function listSubdistricts(province: string, district: string): ThaiSubdistrictPlace[] {
  const v = given(district);
  if (v === undefined) return [];
  const keys = keysFor(v, 'district');
  return findProvinces(province)
    .flatMap((p) => p.districts.filter((d) => districtMatches(d, keys)))
    .flatMap((d) => d.subdistricts.map((s) => ({ name: s.name, nameEn: s.nameEn, postcodes: [...s.postcodes] })));
}

// ---------------------------------------------------------------------------
// Search

// Lower is better. Per query token: the best field it matches.
const RANK = {
  postcodeExact: 0,
  subExact: 0,
  subPrefix: 1,
  postcodePrefix: 2,
  subInfix: 3,
  districtExact: 4,
  districtPrefix: 5,
  districtInfix: 6,
  provinceExact: 7,
  provincePrefix: 8,
  provinceInfix: 9,
} as const;

function rankField(place: { key: string; keyEn: string }, token: string, exact: number): number | undefined {
  let best: number | undefined;
  for (const k of [place.key, place.keyEn]) {
    let r: number | undefined;
    if (k === token) r = exact;
    else if (k.startsWith(token)) r = exact + 1;
    else if (k.includes(token)) r = exact + 2;
    if (r !== undefined && (best === undefined || r < best)) best = r;
  }
  return best;
}

function rankToken(s: Subdistrict, postcode: string, token: string): number | undefined {
  if (/^\d+$/.test(token)) {
    if (postcode === token) return RANK.postcodeExact;
    return postcode.startsWith(token) ? RANK.postcodePrefix : undefined;
  }
  const sub = rankField(s, token, RANK.subExact);
  if (sub !== undefined) return sub === RANK.subExact + 2 ? RANK.subInfix : sub;
  const d = rankField(s.district, token, RANK.districtExact);
  if (d !== undefined) return d;
  return rankField(s.district.province, token, RANK.provinceExact);
}

/**
 * Free-text lookup for address autocomplete. The query is split on spaces;
 * every token must match some part of an entry: a substring of the
 * subdistrict, district or province name (Thai, or the romanised name,
 * case-insensitive; prefixes like ต./อ./จ. are ignored), or a prefix of the
 * postcode (digit-only tokens; Thai digits accepted). Results are
 * (subdistrict, postcode) pairs, best matches first (exact subdistrict name,
 * then name prefix, then postcode, district and province matches), ties in
 * Thai dictionary order. Returns at most `limit` results.
 *
 *   searchThaiAddress('ชมภู สารภี')  // [{ subdistrict: 'ชมภู', district: 'สารภี', province: 'เชียงใหม่', postcode: '50140', ... }]
 *   searchThaiAddress('5014')        // entries whose postcode starts with 5014
 */
export function searchThaiAddress(query: string, limit = 20): ThaiAddressMatch[] {
  const max = Math.floor(limit);
  if (!(max > 0)) return [];
  const tokens = normalizeThaiText(toArabicDigits(query))
    .split(' ')
    .map((t) => placeKey(stripAdminPrefix(t)))
    .filter((t) => t !== '');
  if (tokens.length === 0) return [];

  const hits: { score: number; order: number; s: Subdistrict; postcode: string }[] = [];
  let order = 0;
  for (const s of getIndex().subdistricts) {
    for (const postcode of s.postcodes) {
      order++;
      let score = 0;
      for (const token of tokens) {
        const r = rankToken(s, postcode, token);
        if (r === undefined) {
          score = -1;
          break;
        }
        score += r;
      }
      if (score >= 0) hits.push({ score, order, s, postcode });
    }
  }
  hits.sort((a, b) => a.score - b.score || a.order - b.order);
  return hits.slice(0, max).map(({ s, postcode }) => ({
    subdistrict: s.name,
    district: s.district.name,
    province: s.district.province.name,
    postcode,
    subdistrictEn: s.nameEn,
    districtEn: s.district.nameEn,
    provinceEn: s.district.province.nameEn,
  }));
}

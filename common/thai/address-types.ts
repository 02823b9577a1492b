/** Types for `./address` (kept separate so that `./index` can export them without pulling in the dataset). */

export type ThaiAddressField = 'province' | 'district' | 'subdistrict' | 'postcode';

export type ThaiAddressErrorCode = 'unknown_province' | 'unknown_district' | 'unknown_subdistrict' | 'postcode_mismatch';

/**
 * Address parts as a person types them. Every field is optional; empty or
 * whitespace-only strings count as "not given". Names may carry prefixes
 * (จังหวัด/จ., อำเภอ/อ./เขต, ตำบล/ต./แขวง) and may be Thai or the romanised
 * English name from the dataset.
 */
export interface ThaiAddressInput {
  province?: string | null | undefined;
  district?: string | null | undefined;
  subdistrict?: string | null | undefined;
  postcode?: string | number | null | undefined;
}

export interface ThaiAddressError {
  field: ThaiAddressField;
  code: ThaiAddressErrorCode;
}

export type ThaiAddressValidation = { ok: true } | { ok: false; errors: ThaiAddressError[] };

/** One (subdistrict, postcode) pair; a subdistrict with two postcodes yields two matches. */
export interface ThaiAddressMatch {
  subdistrict: string;
  district: string;
  province: string;
  postcode: string;
  subdistrictEn: string;
  districtEn: string;
  provinceEn: string;
}

/** A province or district: Thai name plus the dataset's romanised name. */
export interface ThaiPlace {
  name: string;
  nameEn: string;
}

export interface ThaiSubdistrictPlace extends ThaiPlace {
  /** 5-digit postcodes, ascending; usually exactly one. */
  postcodes: string[];
}

/** Canonical (dataset-spelled, prefix-free) names for the fields that were given and matched. */
export interface ThaiAddressResolved {
  province?: string;
  district?: string;
  subdistrict?: string;
  postcode?: string;
}

export interface ThaiAddressDataSource {
  source: string;
  version: string;
  license: string;
}

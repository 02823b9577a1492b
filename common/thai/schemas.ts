/**
 * zod schemas for Thai inputs, shared by the Fastify routes and the web forms.
 * Error messages are stable codes (for i18n), not prose.
 *
 * Each schema is built inside a `@__PURE__` IIFE so that bundles which import
 * `common/thai` without using these schemas can tree-shake them (and zod).
 */
import { z } from 'zod';
import { isValidThaiCitizenId, normalizeCitizenId } from './citizen-id';
import { toArabicDigits } from './text';

/** Accepts "1-2345-67890-12-1", spaces, Thai digits; outputs the bare 13 digits. Message: 'invalid_citizen_id'. */
export const thaiCitizenIdSchema = /* @__PURE__ */ (() =>
  z
    .string()
    .refine((s) => isValidThaiCitizenId(s), { error: 'invalid_citizen_id' })
    .transform((s) => normalizeCitizenId(s) as string))();

/** 5-digit Thai postcode (first digit 1–9); Thai digits and surrounding spaces accepted. Message: 'invalid_postcode'. */
export const thaiPostcodeSchema = /* @__PURE__ */ (() =>
  z
    .string()
    .transform((s) => toArabicDigits(s).trim())
    .pipe(z.string().regex(/^[1-9]\d{4}$/, { error: 'invalid_postcode' })))();

/** Money amount in integer satang (safe integer). Message: 'invalid_satang'. */
export const satangSchema = /* @__PURE__ */ (() => z.int({ error: 'invalid_satang' }))();

/** A fiscal year in B.E. (sanity range 2500–2700). */
export const buddhistFiscalYearSchema = /* @__PURE__ */ (() => z.int().min(2500).max(2700))();

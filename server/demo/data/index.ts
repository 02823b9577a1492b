/**
 * The demo dataset: two tenants of Thai local governments with their partners, networks and
 * relationships, as plain data. Deterministic — every call returns the same content — and free of
 * database code; the seeding code maps it onto tables.
 *
 *   chomphu  — เทศบาลตำบลชมภู (Saraphi, Chiang Mai): 50 networks, ~500 parties, the main demo.
 *   thakwang — เทศบาลตำบลท่ากว้าง: a small tenant for isolation tests.
 */
import type { DemoDataset } from './types';
import { buildChomphu } from './chomphu';
import { buildThaKwang } from './thakwang';

export type * from './types';
export { AS_OF as DEMO_AS_OF } from './dates';
export { isValidCitizenId } from './citizen-id';
export { PHAYA_KHAM_PARTNERS } from './organisations';

export function buildDemoDataset(): DemoDataset {
  const chomphu = buildChomphu();
  const thakwang = buildThaKwang(chomphu.personNames);
  // A fresh deep copy: callers may mutate what they get without affecting later calls.
  return structuredClone({ tenants: [chomphu.tenant, thakwang] });
}

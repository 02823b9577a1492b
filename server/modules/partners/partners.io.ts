import { z } from 'zod';
import { partyCreate, type Party } from '../../../common/schemas/partners';
import { KIND_TH, LAWFUL_BASIS_TH, ORG_TYPE_TH, PILLAR_TH, SECTOR_TH, fromLabel } from '../../../common/schemas/labels';
import type { ImportPreview } from '../../../common/schemas/partners';
import type { TenantContext } from '../../platform/context';
import { withTenant } from '../../platform/db';
import { AppError } from '../../platform/errors';
import { auditMany } from '../../platform/audit';
import { issueMessage, t } from '../../platform/messages';
import { readTable, type Column } from '../../platform/spreadsheet';
import { auditableParty } from './partners.present';
import * as repo from './partners.repository';
import { hasherFor } from './partners.service';
import { toPartyValues, type PartyValues } from './partners.validate';

/** One column list for export, the import template and import: a file exported here imports back unchanged. */
export const PARTY_COLUMNS: Column<Party>[] = [
  { key: 'kind', header: 'ประเภท', value: (p) => KIND_TH[p.kind] },
  { key: 'name', header: 'ชื่อ', value: (p) => p.name, width: 36 },
  { key: 'nameEn', header: 'ชื่อภาษาอังกฤษ', value: (p) => p.nameEn },
  { key: 'sector', header: 'ภาค', value: (p) => SECTOR_TH[p.sector] },
  { key: 'pillar', header: 'เสาหลัก', value: (p) => PILLAR_TH[p.pillar] },
  { key: 'orgType', header: 'ประเภทองค์กร', value: (p) => (p.orgType ? ORG_TYPE_TH[p.orgType] : '') },
  { key: 'position', header: 'ตำแหน่ง/บทบาท', value: (p) => p.position },
  { key: 'addressLine', header: 'ที่อยู่ (บ้านเลขที่ ถนน)', value: (p) => p.address.line },
  { key: 'moo', header: 'หมู่ที่', value: (p) => p.address.moo },
  { key: 'subdistrict', header: 'ตำบล/แขวง', value: (p) => p.address.subdistrict },
  { key: 'district', header: 'อำเภอ/เขต', value: (p) => p.address.district },
  { key: 'province', header: 'จังหวัด', value: (p) => p.address.province },
  { key: 'postcode', header: 'รหัสไปรษณีย์', value: (p) => p.address.postcode },
  { key: 'phone', header: 'โทรศัพท์', value: (p) => p.phone },
  { key: 'email', header: 'อีเมล', value: (p) => p.email },
  { key: 'lineId', header: 'LINE ID', value: (p) => p.lineId },
  { key: 'website', header: 'เว็บไซต์', value: (p) => p.website },
  { key: 'citizenId', header: 'เลขประจำตัวประชาชน', value: (p) => p.citizenId },
  { key: 'consentPurpose', header: 'วัตถุประสงค์การเก็บข้อมูล', value: (p) => p.consent?.purpose },
  { key: 'consentLawfulBasis', header: 'ฐานทางกฎหมาย', value: (p) => (p.consent ? LAWFUL_BASIS_TH[p.consent.lawfulBasis] : '') },
  { key: 'consentDate', header: 'วันที่ให้ความยินยอม', value: (p) => p.consent?.date },
  { key: 'note', header: 'หมายเหตุ', value: (p) => p.note },
];

const HEADER_TO_KEY = new Map<string, string>(
  PARTY_COLUMNS.flatMap((c) => [
    [c.key.toLowerCase(), c.key],
    [c.header.toLowerCase(), c.key],
  ]),
);

/** Build API input from a spreadsheet record. Cells are text; empty means "not given". */
function recordToInput(rec: Record<string, string>): Record<string, unknown> {
  const v: Record<string, string> = {};
  for (const [header, value] of Object.entries(rec)) {
    const key = HEADER_TO_KEY.get(header.trim().toLowerCase());
    if (key && value !== '') v[key] = value;
  }
  const located = v.subdistrict || v.district || v.province || v.postcode || v.addressLine || v.moo;
  const moo = v.moo !== undefined ? Number(v.moo) : undefined;
  return {
    kind: v.kind !== undefined ? fromLabel(KIND_TH, v.kind) : undefined,
    name: v.name,
    nameEn: v.nameEn,
    sector: v.sector !== undefined ? fromLabel(SECTOR_TH, v.sector) : undefined,
    pillar: v.pillar !== undefined ? fromLabel(PILLAR_TH, v.pillar) : undefined,
    orgType: v.orgType !== undefined ? fromLabel(ORG_TYPE_TH, v.orgType) : undefined,
    position: v.position,
    address: located
      ? {
          line: v.addressLine,
          moo: Number.isNaN(moo) ? v.moo : moo,
          subdistrict: v.subdistrict,
          district: v.district,
          province: v.province,
          postcode: v.postcode,
        }
      : undefined,
    phone: v.phone,
    email: v.email,
    lineId: v.lineId,
    website: v.website,
    citizenId: v.citizenId,
    consent:
      v.consentPurpose || v.consentLawfulBasis || v.consentDate
        ? {
            purpose: v.consentPurpose,
            lawfulBasis: v.consentLawfulBasis !== undefined ? fromLabel(LAWFUL_BASIS_TH, v.consentLawfulBasis) : undefined,
            date: v.consentDate,
          }
        : undefined,
    note: v.note,
  };
}

/** Field paths of the API map back to spreadsheet columns in error reports. */
const FIELD_TO_COLUMN: Record<string, string> = {
  'address.line': 'addressLine',
  'address.moo': 'moo',
  'address.subdistrict': 'subdistrict',
  'address.district': 'district',
  'address.province': 'province',
  'address.postcode': 'postcode',
  'consent.purpose': 'consentPurpose',
  'consent.lawfulBasis': 'consentLawfulBasis',
  'consent.date': 'consentDate',
};
const columnHeader = (field: string) => {
  const key = FIELD_TO_COLUMN[field] ?? field;
  return PARTY_COLUMNS.find((c) => c.key === key)?.header ?? field;
};

interface Checked {
  preview: ImportPreview;
  values: PartyValues[];
}

async function check(ctx: TenantContext, buffer: Buffer, filename: string): Promise<Checked> {
  const { headers, rows } = await readTable(buffer, filename);
  const hasher = hasherFor(ctx);
  const results: ImportPreview['rows'] = [];
  const values: PartyValues[] = [];
  const seenHashes = new Map<string, number>();
  await withTenant(ctx.db, ctx.tenant.id, async (tx) => {
    for (const [i, rec] of rows.entries()) {
      const rowNo = i + 2; // header is row 1
      const errors: Record<string, string> = {};
      const parsed = partyCreate.safeParse(recordToInput(rec), { reportInput: true });
      if (!parsed.success) {
        for (const issue of parsed.error.issues) errors[columnHeader(issue.path.map(String).join('.'))] ??= issueMessage(issue, ctx.lang);
      } else {
        const out = toPartyValues(parsed.data, null, hasher);
        for (const [field, key] of Object.entries(out.errors)) errors[columnHeader(field)] = t(key, ctx.lang);
        const h = out.values.citizenIdHash;
        if (h && !Object.keys(errors).length) {
          const dupRow = seenHashes.get(h);
          if (dupRow) errors[columnHeader('citizenId')] = ctx.lang === 'th' ? `ซ้ำกับแถวที่ ${dupRow}` : `Duplicate of row ${dupRow}`;
          else if (await repo.findByCitizenHash(tx, ctx.tenant.id, h)) errors[columnHeader('citizenId')] = t('conflict', ctx.lang);
          seenHashes.set(h, rowNo);
        }
        if (!Object.keys(errors).length) values.push(out.values);
      }
      results.push({ row: rowNo, name: rec[columnHeader('name')] ?? rec.name ?? null, errors });
    }
  });
  const invalid = results.filter((r) => Object.keys(r.errors).length).length;
  return { preview: { total: rows.length, valid: rows.length - invalid, invalid, rows: results, columns: headers }, values };
}

export async function previewImport(ctx: TenantContext, buffer: Buffer, filename: string): Promise<ImportPreview> {
  return (await check(ctx, buffer, filename)).preview;
}

/** All or nothing: any bad row and nothing is written. */
export async function commitImport(ctx: TenantContext, buffer: Buffer, filename: string): Promise<{ imported: number }> {
  const { preview, values } = await check(ctx, buffer, filename);
  if (preview.invalid > 0) throw new AppError('import_has_errors', undefined, preview);
  if (preview.total === 0) throw new AppError('validation_failed', { file: 'required' });
  await withTenant(ctx.db, ctx.tenant.id, async (tx) => {
    const rows = await repo.insertParties(tx, ctx.tenant.id, values);
    await auditMany(
      tx,
      ctx,
      rows.map((row) => ({ entity: 'party', entityId: row.id, entityLabel: row.name, action: 'create' as const, after: auditableParty(row) })),
    );
  });
  return { imported: values.length };
}

export const exportFormat = z.enum(['csv', 'xlsx']);

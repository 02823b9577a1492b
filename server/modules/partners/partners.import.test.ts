import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { generateThaiCitizenId } from '../../../common/thai';
import { buildTestApp, tenantWithUser, type TestApp } from '../../test/harness';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

function upload(api: { cookie: string }, url: string, content: Buffer | string, filename: string) {
  const form = new FormData();
  form.append('file', new Blob([typeof content === 'string' ? content : new Uint8Array(content)]), filename);
  return t.app.inject({ method: 'POST', url, payload: form as never, headers: { cookie: api.cookie, origin: 'http://localhost', host: 'localhost' } });
}

const HEADER = 'ประเภท,ชื่อ,ภาค,ประเภทองค์กร,หมู่ที่,ตำบล/แขวง,อำเภอ/เขต,จังหวัด,รหัสไปรษณีย์,เลขประจำตัวประชาชน';

describe('partner import', () => {
  it('previews every bad row with the reason, and imports nothing while any row is bad', async () => {
    const { api, base } = await tenantWithUser(t, 'officer');
    const good = generateThaiCitizenId(() => 0.3);
    const csv = [
      HEADER,
      'องค์กร,วัดชมภู,ศาสนา,วัด,3,ชมภู,สารภี,เชียงใหม่,50140,',
      `บุคคล,นางคำแปง ใจมา,ภาคประชาชน/ประชาสังคม,,5,ชมภู,สารภี,เชียงใหม่,50140,${good}`,
      'องค์กร,,ภาคเอกชน,,,,,,,', // no name
      'องค์กร,ร้านค้า,ภาคอวกาศ,,,ชมภู,สันทราย,เชียงใหม่,50140,', // bad sector, bad district
      `บุคคล,นายซ้ำ ซ้อน,ภาคเอกชน,,,,,,,${good}`, // duplicate citizen id within the file
      'บุคคล,นายเลขผิด,ภาคเอกชน,,,,,,,1234567890123',
    ].join('\n');
    const preview = await upload(api, `${base}/partners/import/preview`, '\uFEFF' + csv, 'partners.csv');
    expect(preview.statusCode).toBe(200);
    const p = preview.json();
    expect(p).toMatchObject({ total: 6, valid: 2, invalid: 4 });
    const bad = Object.fromEntries(
      p.rows.filter((r: { errors: object }) => Object.keys(r.errors).length).map((r: { row: number; errors: object }) => [r.row, r.errors]),
    );
    expect(Object.keys(bad)).toEqual(['4', '5', '6', '7']);
    expect(bad[4]).toEqual({ ชื่อ: 'จำเป็นต้องกรอก' });
    expect(Object.keys(bad[5])).toContain('ภาค');
    expect(bad[6]['เลขประจำตัวประชาชน']).toBe('ซ้ำกับแถวที่ 3');
    expect(bad[7]['เลขประจำตัวประชาชน']).toContain('ไม่ถูกต้อง');

    const commit = await upload(api, `${base}/partners/import`, csv, 'partners.csv');
    expect(commit.statusCode).toBe(422);
    expect(commit.json().error.code).toBe('import_has_errors');
    expect((await api.get(`${base}/partners`)).json().total).toBe(0);
  });

  it('imports a clean XLSX all at once, and an exported file imports back', async () => {
    const { api, base } = await tenantWithUser(t, 'admin');
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('ภาคี');
    ws.addRow(HEADER.split(','));
    ws.addRow(['องค์กร', 'โรงเรียนบ้านชมภู', 'ภาครัฐ', 'โรงเรียน', 2, 'ชมภู', 'สารภี', 'เชียงใหม่', '50140', '']);
    ws.addRow(['person', 'นายบุญมา ปัญญาวงศ์', 'locality', '', 1, 'ตำบลชมภู', 'อำเภอสารภี', 'เชียงใหม่', 50140, '']);
    const buf = Buffer.from(await wb.xlsx.writeBuffer());
    const res = await upload(api, `${base}/partners/import`, buf, 'ภาคี.xlsx');
    expect(res.statusCode).toBe(201);
    expect(res.json()).toEqual({ imported: 2 });
    const list = (await api.get(`${base}/partners`)).json();
    expect(list.items.map((p: { name: string; pillar: string }) => [p.name, p.pillar])).toEqual([
      ['นายบุญมา ปัญญาวงศ์', 'locality'],
      ['โรงเรียนบ้านชมภู', 'locality'],
    ]);
    expect((await api.get(`${base}/audit?entity=party`)).json().total).toBe(2);

    const exported = await api.get(`${base}/partners/export?format=xlsx`);
    const other = await tenantWithUser(t, 'admin');
    const again = await upload(other.api, `${other.base}/partners/import`, exported.rawPayload, 'export.xlsx');
    expect(again.json()).toEqual({ imported: 2 });
  });

  it('refuses files that are not CSV or XLSX', async () => {
    const { api, base } = await tenantWithUser(t, 'admin');
    const exe = Buffer.from([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00]);
    const refused = await upload(api, `${base}/partners/import/preview`, exe, 'partners.exe');
    expect(refused.statusCode).toBe(415);
    expect(refused.json().error.fields.file).toBe('นำเข้าได้เฉพาะไฟล์ CSV หรือ XLSX');
    expect((await upload(api, `${base}/partners/import/preview`, exe, 'partners.xlsx')).statusCode).toBe(415);
    const noFile = await t.app.inject({
      method: 'POST',
      url: `${base}/partners/import`,
      payload: {},
      headers: { cookie: api.cookie, origin: 'http://localhost', host: 'localhost' },
    });
    expect(noFile.statusCode).toBe(400);
  });
});

import { describe, expect, it } from 'vitest';
import { safeFilename } from '../platform/files/kinds';
import { useTenantApp } from './harness';

/** Issue 15 (8): NUL bytes, photo URLs, PUT /strategy/frame {}, ledger dates, bidi controls in file names. */
const s = useTenantApp('admin');

describe('input at the edge', () => {
  it('answers 400 with the field for a NUL byte in q (every list route) or in any JSON string', async () => {
    for (const list of ['partners', 'networks', 'knowledge', 'knowledge/search', 'plans', 'participation', 'users', 'audit']) {
      const res = await s.api.get(`${s.base}/${list}?q=${encodeURIComponent('น้ำ\u0000')}`);
      expect(res.statusCode, `${list}: ${res.body}`).toBe(400);
      expect(res.json().error.fields).toEqual({ q: expect.stringContaining('NUL') });
    }
    const body = await s.api.post(`${s.base}/partners`, { kind: 'person', name: 'นาย\u0000ก', sector: 'civil_society' });
    expect(body.statusCode).toBe(400);
    expect(body.json().error.fields).toEqual({ name: expect.stringContaining('NUL') });
    const nested = await s.api.post(`${s.base}/knowledge`, { title: 'ก', type: 'manual', tags: ['ดี', 'x\u0000'] });
    expect(nested.json().error.fields).toEqual({ 'tags.1': expect.stringContaining('NUL') });
    expect((await s.api.get(`${s.base}/partners`)).json().total).toBe(0);
  });

  it('keeps vision and missions on PUT /strategy/frame {} (a left-out field keeps its value)', async () => {
    await s.api.put(`${s.base}/strategy/frame`, { vision: 'น้ำถึงทุกบ้าน', missions: ['ฟื้นฟูฝาย', 'ตั้งกองทุน'] });
    const res = await s.api.put(`${s.base}/strategy/frame`, {});
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ vision: 'น้ำถึงทุกบ้าน', missions: ['ฟื้นฟูฝาย', 'ตั้งกองทุน'] });
    expect((await s.api.put(`${s.base}/strategy/frame`, { missions: [] })).json()).toMatchObject({ vision: 'น้ำถึงทุกบ้าน', missions: [] });
    expect((await s.api.put(`${s.base}/strategy/frame`, { vision: null })).json()).toMatchObject({ vision: null, missions: [] });
  });

  it('takes only http(s) photo links in progress reports', async () => {
    const { progressCreate } = await import('../../common/schemas/plans');
    const base_ = { reportedOn: '2025-11-01', text: 'ก', percentage: 10 };
    for (const bad of ['javascript:alert(1)', 'data:image/png;base64,AAAA', 'file:///etc/passwd', 'ftp://x.org/a.jpg'])
      expect(progressCreate.safeParse({ ...base_, photoUrls: [bad] }).success, bad).toBe(false);
    expect(progressCreate.safeParse({ ...base_, photoUrls: ['https://example.org/a.jpg', 'http://x.org/b.png'] }).success).toBe(true);
  });

  it('refuses ledger dates before 2500 B.E. or more than a year ahead', async () => {
    const { transactionCreate } = await import('../../common/schemas/budget');
    const tx = (occurredOn: string) => ({ kind: 'contribution', occurredOn, description: 'ก', entries: [] });
    const issues = (d: string) =>
      transactionCreate
        .safeParse(tx(d))
        .error?.issues.filter((i) => i.path[0] === 'occurredOn')
        .map((i) => i.message);
    expect(issues('1900-01-01')).toEqual(['date_too_early']);
    expect(issues('2099-01-01')).toEqual(['date_too_late']);
    expect(issues('1957-01-01')).toEqual([]);
    expect(issues(new Date().toISOString().slice(0, 10))).toEqual([]);
  });

  it('removes bidi controls from uploaded file names and refuses other control characters', () => {
    expect(safeFilename('รายงาน\u202Efdp.exe')).toBe('รายงานfdp.exe');
    expect(safeFilename('\u2066ก\u2069.pdf')).toBe('ก.pdf');
    expect(() => safeFilename('a\u0085b.pdf')).toThrow();
    expect(() => safeFilename('a\u0007b.pdf')).toThrow();
  });
});

describe('exports', () => {
  it('write CSV text cells that start like a formula with a leading quote, numbers untouched; XLSX as strings', async () => {
    const ExcelJS = (await import('exceljs')).default;
    const { formulaSafe, toCsv, toXlsx } = await import('../platform/spreadsheet');
    expect(['=1+1', '+cmd', '-2+3', '@SUM(A1)', '\tx', '\rx', 'ปกติ', '1-2'].map((v) => formulaSafe(v))).toEqual([
      "'=1+1",
      "'+cmd",
      "'-2+3",
      "'@SUM(A1)",
      "'\tx",
      "'\rx",
      'ปกติ',
      '1-2',
    ]);
    expect(formulaSafe(-1500)).toBe(-1500);
    // through the real partner and network exports
    for (const name of ['=HYPERLINK("http://evil.example","คลิก")', '+cmd|calc', '@SUM(1)']) {
      expect((await s.api.post(`${s.base}/partners`, { kind: 'organization', name, sector: 'civil_society' })).statusCode).toBe(201);
    }
    expect((await s.api.post(`${s.base}/networks`, { name: '=1+1', pillar: 'people' })).statusCode).toBe(201);
    const partners = (await s.api.get(`${s.base}/partners/export?format=csv`)).body;
    expect(partners).toContain(`"'=HYPERLINK(""http://evil.example"",""คลิก"")"`);
    expect(partners).toMatch(/(^|,)'\+cmd\|calc(,|$)/m);
    expect(partners).toMatch(/(^|,)'@SUM\(1\)(,|$)/m);
    expect(partners).not.toMatch(/(^|,)"?[=+@]/m);
    expect((await s.api.get(`${s.base}/networks/export?format=csv`)).body).toMatch(/(^|,)'=1\+1(,|$)/m);
    const csv = toCsv(
      [{ n: -1500, s: '-1500' }],
      [
        { key: 'n', header: 'n', value: (r) => r.n },
        { key: 's', header: 's', value: (r) => r.s },
      ],
    );
    expect(csv.split('\r\n')[1]).toBe("-1500,'-1500");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await toXlsx([{ s: '=1+1' }], [{ key: 's', header: 's', value: (r) => r.s }], 'x')) as unknown as ArrayBuffer);
    const cell = wb.worksheets[0].getRow(2).getCell(1);
    expect(cell.type).toBe(ExcelJS.ValueType.String);
    expect(cell.value).toBe('=1+1');
  });
});

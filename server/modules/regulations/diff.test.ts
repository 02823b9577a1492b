import { describe, expect, it } from 'vitest';
import { compareClauseNumbers, diffClauses, diffFines } from './diff';

const c = (number: string, chapter: number, text: string) => ({ number, chapter, text });

describe('clause diff', () => {
  it('orders clause numbers as Thai amendments do: 5 < 5/1 < 5/2 < 6 < 10', () => {
    expect(['10', '5/2', '6', '5', '5/1'].sort(compareClauseNumbers)).toEqual(['5', '5/1', '5/2', '6', '10']);
  });

  it('pairs clauses by number: unchanged, changed, added (5/1), removed, and moved to another chapter', () => {
    const v1 = [
      c('1', 1, 'ระเบียบนี้เรียกว่า กฎระเบียบการบริหารน้ำ'),
      c('2', 1, 'ให้ใช้ระเบียบนี้ตั้งแต่วันประกาศ'),
      c('5', 2, 'สมาชิกต้องลงแรงซ่อมฝายปีละ 2 วัน'),
      c('6', 2, 'ห้ามเปิดประตูน้ำนอกเวร'),
      c('9', 3, 'ค่าปรับให้เข้ากองทุน'),
    ];
    const v2 = [
      c('1', 1, 'ระเบียบนี้เรียกว่า  กฎระเบียบการบริหารน้ำ'), // only whitespace differs
      c('5', 2, 'สมาชิกต้องลงแรงซ่อมฝายปีละ 3 วัน'),
      c('5/1', 2, 'ผู้ไม่ลงแรงต้องจ้างคนแทน'),
      c('6', 2, 'ห้ามเปิดประตูน้ำนอกเวร'),
      c('9', 4, 'ค่าปรับให้เข้ากองทุน'),
    ];
    expect(diffClauses(v1, v2).map((d) => [d.number, d.change])).toEqual([
      ['1', 'unchanged'],
      ['2', 'removed'],
      ['5', 'changed'],
      ['5/1', 'added'],
      ['6', 'unchanged'],
      ['9', 'moved'],
    ]);
    const five = diffClauses(v1, v2).find((d) => d.number === '5')!;
    expect(five).toMatchObject({ before: 'สมาชิกต้องลงแรงซ่อมฝายปีละ 2 วัน', after: 'สมาชิกต้องลงแรงซ่อมฝายปีละ 3 วัน', fromChapter: 2, toChapter: 2 });
    const added = diffClauses(v1, v2).find((d) => d.number === '5/1')!;
    expect(added).toMatchObject({ before: null, fromChapter: null, toChapter: 2 });
    expect(diffClauses(v1, v2).find((d) => d.number === '9')).toMatchObject({ fromChapter: 3, toChapter: 4 });
  });

  it('is empty of changes between a version and itself, and all added from nothing', () => {
    const v = [c('1', 1, 'ก'), c('2', 1, 'ข')];
    expect(diffClauses(v, v).every((d) => d.change === 'unchanged')).toBe(true);
    expect(diffClauses([], v).map((d) => d.change)).toEqual(['added', 'added']);
  });

  it('compares fines by clause and offence: a new amount is a change', () => {
    const f = (clauseNumber: string, offence: string, amountSatang: number) => ({ clauseNumber, offence, amountSatang });
    const d = diffFines(
      [f('6', 'เปิดประตูน้ำนอกเวร', 200_00), f('5', 'ไม่ลงแรงซ่อมฝาย', 300_00)],
      [f('6', 'เปิดประตูน้ำนอกเวร', 500_00), f('5', 'ไม่ลงแรงซ่อมฝาย', 300_00), f('7', 'ทิ้งขยะลงเหมือง', 100_00)],
    );
    expect(d.map((x) => [x.clauseNumber, x.change, x.beforeSatang, x.afterSatang])).toEqual([
      ['5', 'unchanged', 300_00, 300_00],
      ['6', 'changed', 200_00, 500_00],
      ['7', 'added', null, 100_00],
    ]);
  });
});

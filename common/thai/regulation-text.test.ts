import { describe, expect, it } from 'vitest';
import { formatChapters, formatFines, parseChapters, parseFines } from './regulation-text';

describe('regulation text', () => {
  it('reads chapters and clauses as typed, with inserted clauses, continuation lines and Thai digits', () => {
    const text = `กฎระเบียบการบริหารน้ำ\n\nหมวด ๑ บททั่วไป\nข้อ 1 ระเบียบนี้เรียกว่า\nกฎระเบียบการบริหารน้ำ\nข้อ ๒ ให้ใช้บังคับ\n\nหมวดที่ 3 รอบเวร\nข้อ 10/1 ผู้ใช้เครื่องสูบน้ำต้องขออนุญาต`;
    const chapters = parseChapters(text);
    expect(chapters).toEqual([
      {
        number: 1,
        title: 'บททั่วไป',
        clauses: [
          { number: '1', text: 'ระเบียบนี้เรียกว่า กฎระเบียบการบริหารน้ำ' },
          { number: '2', text: 'ให้ใช้บังคับ' },
        ],
      },
      { number: 3, title: 'รอบเวร', clauses: [{ number: '10/1', text: 'ผู้ใช้เครื่องสูบน้ำต้องขออนุญาต' }] },
    ]);
    expect(parseChapters(formatChapters(chapters))).toEqual(chapters);
  });

  it('reads a fine schedule line by line in baht, the repeat amount optional', () => {
    const fines = parseFines('ข้อ 9 | เปิดประตูน้ำนอกรอบเวร | 500 | 1,000\nข้อ 10/1 | สูบน้ำโดยไม่ได้รับอนุญาต | 1000.50 บาท');
    expect(fines).toEqual([
      { clauseNumber: '9', offence: 'เปิดประตูน้ำนอกรอบเวร', amountSatang: 500_00, repeatAmountSatang: 1000_00 },
      { clauseNumber: '10/1', offence: 'สูบน้ำโดยไม่ได้รับอนุญาต', amountSatang: 1000_50, repeatAmountSatang: null },
    ]);
    expect(parseFines(formatFines(fines))).toEqual(fines);
  });
});

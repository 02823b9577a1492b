import { describe, expect, it } from 'vitest';
import { escapeText, fold, meetingIcs } from './ics';

describe('iCalendar invitation', () => {
  it('escapes TEXT and folds at 75 octets without splitting a Thai character', () => {
    expect(escapeText('a,b;c\\d\ne')).toBe('a\\,b\\;c\\\\d\\ne');
    const long = `DESCRIPTION:${'ระเบียบวาระที่ 1 เรื่องที่ประธานแจ้งให้ที่ประชุมทราบ '.repeat(4)}`;
    const folded = fold(long);
    const parts = folded.split('\r\n');
    expect(parts.length).toBeGreaterThan(3);
    for (const p of parts) expect(Buffer.byteLength(p, 'utf8')).toBeLessThanOrEqual(75);
    for (const p of parts.slice(1)) expect(p.startsWith(' ')).toBe(true);
    // unfolding (remove CRLF + one space) gives the line back, so no UTF-8 sequence was cut
    expect(folded.replace(/\r\n /g, '')).toBe(long);
  });

  it('writes an event in Asia/Bangkok with CRLF line ends', () => {
    const ics = meetingIcs({
      uid: 'm1@chomphu.phakhi',
      date: '2026-12-02',
      start: '09:30',
      end: '12:00',
      summary: 'การประชุมคณะกรรมการขับเคลื่อน ครั้งที่ 1/2569',
      location: 'ห้องประชุม, เทศบาลตำบลชมภู',
      description: 'ระเบียบวาระที่ 1\nระเบียบวาระที่ 2',
      stamp: new Date('2026-11-30T01:02:03.456Z'),
    });
    expect(ics.endsWith('\r\n')).toBe(true);
    expect(ics.split('\r\n').every((l) => !l.includes('\n'))).toBe(true);
    const unfolded = ics.replace(/\r\n /g, '');
    expect(unfolded).toContain('DTSTART;TZID=Asia/Bangkok:20261202T093000\r\n');
    expect(unfolded).toContain('DTEND;TZID=Asia/Bangkok:20261202T120000\r\n');
    expect(unfolded).toContain('DTSTAMP:20261130T010203Z\r\n');
    expect(unfolded).toContain('LOCATION:ห้องประชุม\\, เทศบาลตำบลชมภู\r\n');
    expect(unfolded).toContain('DESCRIPTION:ระเบียบวาระที่ 1\\nระเบียบวาระที่ 2\r\n');
    expect(unfolded).toContain('TZID:Asia/Bangkok\r\nBEGIN:STANDARD\r\nDTSTART:19700101T000000\r\nTZOFFSETFROM:+0700\r\nTZOFFSETTO:+0700');
  });
});

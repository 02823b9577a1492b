import { describe, expect, it } from 'vitest';
import { certificateOf } from './hours-reports.service';

const person = { id: '00000000-0000-4000-8000-000000000001', name: 'นางมาลี ใจดี' };
const tenant = { nameTh: 'เทศบาลตำบลชมภู', nameEn: 'Chomphu Subdistrict Municipality' };
const act = (n: number, minutes: number, first: string, last: string) => ({
  id: `00000000-0000-4000-8000-00000000010${n}`,
  name: `กิจกรรม ${n}`,
  minutes,
  first,
  last,
});

describe('the certificate of volunteer hours', () => {
  it('sums the activities and spans the earliest first day to the latest last day, whatever the order of the rows', () => {
    const c = certificateOf(
      person,
      tenant,
      2570,
      [act(1, 150, '2027-01-10', '2027-03-02'), act(2, 90, '2026-10-05', '2026-11-20'), act(3, 45, '2027-02-01', '2027-09-30')],
      '2027-10-01',
    );
    expect(c.minutes).toBe(285);
    expect(c.hours).toBe(4.75);
    expect(c.firstDate).toBe('2026-10-05');
    expect(c.lastDate).toBe('2027-09-30');
    expect(c.activities.map((a) => [a.minutes, a.hours])).toEqual([
      [150, 2.5],
      [90, 1.5],
      [45, 0.75],
    ]);
    expect(c).toMatchObject({ person, tenant, fiscalYear: 2570, issuedOn: '2027-10-01' });
  });

  it('has no dates and zero hours for a year without confirmed hours', () => {
    const c = certificateOf(person, tenant, 2570, [], '2027-10-01');
    expect(c).toMatchObject({ minutes: 0, hours: 0, activities: [], firstDate: null, lastDate: null });
  });
});

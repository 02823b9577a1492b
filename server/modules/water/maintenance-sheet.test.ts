import { describe, expect, it } from 'vitest';
import { sheetErrors } from './maintenance-contributions.service';

const work = { startsOn: '2027-03-01', endsOn: '2027-03-10', fundId: null as string | null };
const somchai = '00000000-0000-4000-8000-000000000001';
const malee = '00000000-0000-4000-8000-000000000002';
const labour = (partyId: string, date: string) => ({ kind: 'labour' as const, partyId, date });

describe('the attendance sheet of a maintenance work', () => {
  it('accepts one labour day per person and date within the work, up to today', () => {
    expect(sheetErrors([labour(somchai, '2027-03-01'), labour(malee, '2027-03-01'), labour(somchai, '2027-03-02')], work, '2027-03-05', new Set())).toEqual({});
  });

  it('names each entry outside the work, in the future, or a material without a fund', () => {
    expect(
      sheetErrors(
        [labour(somchai, '2027-02-28'), labour(malee, '2027-03-07'), { kind: 'material', partyId: malee, date: '2027-03-02' }, labour(somchai, '2027-03-11')],
        work,
        '2027-03-05',
        new Set(),
      ),
    ).toEqual({
      'entries.0.date': 'outside_work_dates',
      'entries.1.date': 'date_in_future',
      'entries.2.kind': 'maintenance_no_fund',
      'entries.3.date': 'outside_work_dates',
    });
  });

  it('refuses a second labour day for the same person and date, on the sheet or already recorded; materials may repeat', () => {
    const withFund = { ...work, fundId: 'f' };
    expect(
      sheetErrors(
        [
          labour(somchai, '2027-03-03'),
          labour(somchai, '2027-03-03'),
          labour(malee, '2027-03-04'),
          { kind: 'material', partyId: somchai, date: '2027-03-03' },
          { kind: 'material', partyId: somchai, date: '2027-03-03' },
        ],
        withFund,
        '2027-03-05',
        new Set([`${malee} 2027-03-04`]),
      ),
    ).toEqual({ 'entries.1.partyId': 'duplicate_labour_day', 'entries.2.partyId': 'duplicate_labour_day' });
  });
});

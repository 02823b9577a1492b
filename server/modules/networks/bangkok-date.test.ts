import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { todayInThailand } from '../../platform/today';
import { buildTestApp, tenantWithUser, type TestApp } from '../../test/harness';

// 18:30 UTC on 2 December is 01:30 on 3 December in Bangkok: a member who joins then joins on the 3rd.
const LATE_EVENING_UTC = new Date('2026-12-02T18:30:00Z');

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterEach(() => vi.useRealTimers());
afterAll(() => t.close());

describe("today is Bangkok's day, not UTC's", () => {
  it('todayInThailand crosses midnight at 17:00 UTC', () => {
    expect(todayInThailand(new Date('2026-12-02T16:59:59Z'))).toBe('2026-12-02');
    expect(todayInThailand(LATE_EVENING_UTC)).toBe('2026-12-03');
  });

  it('a network member added without a start date starts on the Bangkok date', async () => {
    const { api, base } = await tenantWithUser(t, 'admin');
    const network = (await api.post(`${base}/networks`, { name: 'เครือข่ายผู้ใช้น้ำ', pillar: 'locality' })).json();
    const person = (await api.post(`${base}/partners`, { kind: 'person', name: 'นายบุญมา แก่ฝาย', sector: 'locality' })).json();
    vi.useFakeTimers({ toFake: ['Date'], now: LATE_EVENING_UTC });
    const member = await api.post(`${base}/networks/${network.id}/members`, { partyId: person.id });
    vi.useRealTimers();
    expect(member.statusCode, member.body).toBe(201);
    expect(member.json().startDate).toBe('2026-12-03');
  });
});

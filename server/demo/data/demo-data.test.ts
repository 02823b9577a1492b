import { describe, expect, it } from 'vitest';
import { buildDemoDataset } from './index';
import type { DemoParty, DemoTenant } from './types';

// Independent of the generator on purpose: the Thai citizen-ID mod-11 check.
function citizenIdOk(id: string): boolean {
  if (!/^\d{13}$/.test(id)) return false;
  const d = id.split('').map(Number);
  const sum = d.slice(0, 12).reduce((acc, n, i) => acc + n * (13 - i), 0);
  return (11 - (sum % 11)) % 10 === d[12];
}

function isoOk(s: string | undefined): boolean {
  if (s === undefined || !/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const [y, m, d] = s.split('-').map(Number);
  const dt = new Date(Date.UTC(y, m - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d;
}

const EARLIEST = '2005-01-01';
const LATEST = '2025-12-31';
const dataset = buildDemoDataset();
const tenant = (slug: string): DemoTenant => {
  const t = dataset.tenants.find((x) => x.slug === slug);
  if (!t) throw new Error(`no tenant ${slug}`);
  return t;
};
const chomphu = tenant('chomphu');

describe('demo dataset', () => {
  it('has the chomphu and thakwang tenants', () => {
    expect(dataset.tenants.map((t) => t.slug)).toEqual(['chomphu', 'thakwang']);
    expect(chomphu).toMatchObject({ nameTh: 'เทศบาลตำบลชมภู', type: 'subdistrict_municipality', province: 'เชียงใหม่', district: 'สารภี', subdistrict: 'ชมภู' });
  });

  it('is deterministic', () => {
    expect(buildDemoDataset()).toEqual(buildDemoDataset());
    expect(buildDemoDataset()).toEqual(dataset);
  });

  it('chomphu has exactly 50 networks across all three pillars and at least 10 issue areas', () => {
    expect(chomphu.networks).toHaveLength(50);
    const pillars = new Set(chomphu.networks.map((n) => n.pillar));
    expect([...pillars].sort()).toEqual(['local', 'locality', 'people']);
    for (const p of pillars) expect(chomphu.networks.filter((n) => n.pillar === p).length).toBeGreaterThanOrEqual(8);
    expect(new Set(chomphu.networks.flatMap((n) => n.issues)).size).toBeGreaterThanOrEqual(10);
    expect(new Set(chomphu.networks.map((n) => n.stage)).size).toBe(4);
  });

  it('chomphu has at least 400 parties: 9 villages, 1 community and 330+ people', () => {
    expect(chomphu.parties.length).toBeGreaterThanOrEqual(400);
    expect(chomphu.parties.filter((p) => p.orgType === 'village')).toHaveLength(9);
    expect(chomphu.parties.filter((p) => p.orgType === 'community')).toHaveLength(1);
    expect(chomphu.parties.filter((p) => p.kind === 'person').length).toBeGreaterThanOrEqual(330);
  });

  it('the Phaya Kham network is sustained and includes 8 neighbouring local governments as members', () => {
    const n = chomphu.networks.find((x) => x.name === 'เครือข่ายผู้ใช้น้ำเหมืองฝายพญาคำ');
    expect(n).toBeDefined();
    expect(n!.stage).toBe('sustain');
    const parties = new Map(chomphu.parties.map((p) => [p.key, p]));
    const lguMembers = n!.members
      .map((m) => parties.get(m.partyKey)!)
      .filter((p) => p.kind === 'organization' && p.orgType === 'local_government' && p.key !== 'lgu-chomphu');
    expect(lguMembers).toHaveLength(8);
    expect(parties.get(n!.coordinatorKey)?.position).toMatch(/แก่ฝาย/);
    expect(chomphu.networks.some((x) => x.name === 'เครือข่ายฟื้นฟูสมรรถภาพผู้สูงอายุ')).toBe(true);
  });

  for (const t of dataset.tenants) {
    describe(`tenant ${t.slug}`, () => {
      const keys = new Set(t.parties.map((p) => p.key));
      const people = t.parties.filter((p) => p.kind === 'person');

      it('has unique party and network keys', () => {
        expect(keys.size).toBe(t.parties.length);
        expect(new Set(t.networks.map((n) => n.key)).size).toBe(t.networks.length);
      });

      it('has unique person names', () => {
        const names = people.map((p) => p.name);
        expect(new Set(names).size).toBe(names.length);
      });

      it('references only existing parties', () => {
        for (const n of t.networks) {
          expect(keys.has(n.coordinatorKey), `${n.key} coordinator`).toBe(true);
          for (const m of n.members) expect(keys.has(m.partyKey), `${n.key} member ${m.partyKey}`).toBe(true);
        }
        for (const r of t.relationships) {
          expect(keys.has(r.fromKey), `relationship from ${r.fromKey}`).toBe(true);
          expect(keys.has(r.toKey), `relationship to ${r.toKey}`).toBe(true);
          expect(r.fromKey).not.toBe(r.toKey);
        }
      });

      it('gives every network 5–40 distinct members and exactly one coordinator, the coordinatorKey', () => {
        for (const n of t.networks) {
          expect(n.members.length, n.key).toBeGreaterThanOrEqual(5);
          expect(n.members.length, n.key).toBeLessThanOrEqual(40);
          expect(new Set(n.members.map((m) => m.partyKey)).size, n.key).toBe(n.members.length);
          const coordinators = n.members.filter((m) => m.role === 'coordinator');
          expect(coordinators, n.key).toHaveLength(1);
          expect(coordinators[0].partyKey, n.key).toBe(n.coordinatorKey);
          expect(coordinators[0].endDate, n.key).toBeUndefined();
        }
      });

      it('has chronological stage histories that start at founding and end at the current stage', () => {
        for (const n of t.networks) {
          const h = n.stageHistory;
          expect(h.length, n.key).toBeGreaterThanOrEqual(1);
          expect(h[0].from, n.key).toBeNull();
          expect(h[0].on, n.key).toBe(n.foundedOn);
          expect(h[h.length - 1].to, n.key).toBe(n.stage);
          for (let i = 1; i < h.length; i++) {
            expect(h[i].on > h[i - 1].on, `${n.key} step ${i}`).toBe(true);
            expect(h[i].from, `${n.key} step ${i}`).toBe(h[i - 1].to);
          }
          for (const s of h) expect(s.note.length, n.key).toBeGreaterThan(10);
        }
      });

      it('uses valid ISO dates in range, members joining on or after founding', () => {
        const inRange = (s: string | undefined) => isoOk(s) && s! >= EARLIEST && s! <= LATEST;
        for (const n of t.networks) {
          expect(inRange(n.foundedOn), n.key).toBe(true);
          for (const s of n.stageHistory) expect(inRange(s.on), `${n.key} ${s.on}`).toBe(true);
          for (const m of n.members) {
            expect(inRange(m.startDate), `${n.key} ${m.partyKey}`).toBe(true);
            expect(m.startDate >= n.foundedOn, `${n.key} ${m.partyKey} ${m.startDate}`).toBe(true);
            if (m.endDate !== undefined) {
              expect(inRange(m.endDate), `${n.key} ${m.partyKey}`).toBe(true);
              expect(m.endDate > m.startDate).toBe(true);
            }
          }
        }
        for (const r of t.relationships) {
          expect(inRange(r.startDate), `${r.fromKey}→${r.toKey}`).toBe(true);
          if (r.endDate !== undefined) expect(inRange(r.endDate) && r.endDate > r.startDate).toBe(true);
        }
        for (const p of people) if (p.consent) expect(inRange(p.consent.date), p.key).toBe(true);
      });

      it('gives valid citizen IDs (people only), each with a consent record', () => {
        const withId = t.parties.filter((p) => p.citizenId !== undefined);
        for (const p of withId) {
          expect(p.kind, p.key).toBe('person');
          expect(citizenIdOk(p.citizenId!), `${p.key} ${p.citizenId}`).toBe(true);
          expect(p.consent, p.key).toBeDefined();
        }
        expect(new Set(withId.map((p) => p.citizenId)).size).toBe(withId.length);
        expect(withId.length).toBeGreaterThanOrEqual(Math.floor(people.length / 4));
      });

      it('writes people as title + given name + surname, with Thai mobile numbers', () => {
        for (const p of people) {
          expect(p.name, p.key).toMatch(/^(นาย|นางสาว|นาง|พระ|ด\.ต\.|นพ\.|ภญ\.|ผศ\.|รศ\.|ดร\.)/);
          if (p.phone) expect(p.phone, p.key).toMatch(/^0[89]\d-\d{3}-\d{4}$/);
        }
      });

      it('uses real subdistrict/district/postcode combinations', () => {
        const known: Record<string, [string, string, string]> = {
          ชมภู: ['สารภี', 'เชียงใหม่', '50140'],
          ยางเนิ้ง: ['สารภี', 'เชียงใหม่', '50140'],
          สารภี: ['สารภี', 'เชียงใหม่', '50140'],
          หนองผึ้ง: ['สารภี', 'เชียงใหม่', '50140'],
          ไชยสถาน: ['สารภี', 'เชียงใหม่', '50140'],
          ขัวมุง: ['สารภี', 'เชียงใหม่', '50140'],
          หนองแฝก: ['สารภี', 'เชียงใหม่', '50140'],
          ท่าวังตาล: ['สารภี', 'เชียงใหม่', '50140'],
          ท่ากว้าง: ['สารภี', 'เชียงใหม่', '50140'],
          อุโมงค์: ['เมืองลำพูน', 'ลำพูน', '51150'],
          สุเทพ: ['เมืองเชียงใหม่', 'เชียงใหม่', '50200'],
          ช้างเผือก: ['เมืองเชียงใหม่', 'เชียงใหม่', '50300'],
          หนองหาร: ['สันทราย', 'เชียงใหม่', '50290'],
        };
        for (const p of t.parties as DemoParty[]) {
          if (!p.address) continue;
          const k = known[p.address.subdistrict];
          expect(k, `${p.key} ${p.address.subdistrict}`).toBeDefined();
          expect([p.address.district, p.address.province, p.address.postcode], p.key).toEqual(k);
          if (p.address.moo !== undefined) expect(p.address.moo >= 1 && p.address.moo <= 9, p.key).toBe(true);
        }
      });
    });
  }

  it('chomphu has at least 60 relationships of several types', () => {
    expect(chomphu.relationships.length).toBeGreaterThanOrEqual(60);
    expect(new Set(chomphu.relationships.map((r) => r.type)).size).toBeGreaterThanOrEqual(4);
  });

  it('thakwang is small: 3–5 networks, about 25 parties', () => {
    const t = tenant('thakwang');
    expect(t.networks.length).toBeGreaterThanOrEqual(3);
    expect(t.networks.length).toBeLessThanOrEqual(5);
    expect(t.parties.length).toBeGreaterThanOrEqual(20);
    expect(t.parties.length).toBeLessThanOrEqual(35);
    const chomphuNames = new Set(chomphu.parties.filter((p) => p.kind === 'person').map((p) => p.name));
    for (const p of t.parties) if (p.kind === 'person') expect(chomphuNames.has(p.name), p.name).toBe(false);
  });

  it('returns a fresh copy on every call', () => {
    const a = buildDemoDataset();
    a.tenants[0].parties[0].name = 'changed';
    expect(buildDemoDataset().tenants[0].parties[0].name).not.toBe('changed');
  });
});

import { describe, expect, it } from 'vitest';
import { ZONES, type RotaOrder, type RotaRule } from '../../../common/schemas/water';
import { generateRota, seasonEnd, seasonStart, zoneRank, type RotaGroup, type RotaSpec } from './rota';

/** A small deterministic generator (mulberry32), so every run checks the same 300 random cases. */
function rng(seed: number) {
  let a = seed;
  return () => {
    a |= 0;
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const addDays = (iso: string, n: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

function randomSpec(r: () => number): RotaSpec {
  const n = 1 + Math.floor(r() * 9);
  const groups: RotaGroup[] = Array.from({ length: n }, (_, i) => ({
    id: `g${i}`,
    name: `กลุ่ม ${String.fromCharCode(0x0e01 + Math.floor(r() * 30))}${i}`,
    zone: ZONES[Math.floor(r() * 3)],
    areaCentiRai: r() < 0.1 ? 0 : Math.round(r() * 30_000) + 1,
  }));
  const startsOn = addDays('2027-01-01', Math.floor(r() * 200));
  return {
    startsOn,
    endsOn: addDays(startsOn, Math.floor(r() * 120)),
    turnHours: [6, 8, 12, 24, 48, 72][Math.floor(r() * 6)],
    rule: (r() < 0.7 ? 'proportional' : 'equal') as RotaRule,
    order: (r() < 0.5 ? 'downstream_first' : 'upstream_first') as RotaOrder,
    groups,
  };
}

/** The properties every generated rota must have. */
function check(spec: RotaSpec) {
  const out = generateRota(spec);
  const total = spec.groups.reduce((s, g) => s + (spec.rule === 'equal' ? 1 : g.areaCentiRai), 0);
  // every slot of the season is given when anyone has a claim
  expect(out.turns.length).toBe(total > 0 ? out.slots : 0);
  // fairness: each group within one turn of its exact share
  for (const g of spec.groups) {
    const exact = total > 0 ? (out.slots * (spec.rule === 'equal' ? 1 : g.areaCentiRai)) / total : 0;
    const got = out.turns.filter((x) => x.groupId === g.id).length;
    expect(Math.abs(got - exact), `${g.id} got ${got} for ${exact}`).toBeLessThan(1);
  }
  // no overlaps, nothing outside the season, back to back
  const start = seasonStart(spec.startsOn);
  const end = seasonEnd(spec.endsOn);
  let prev = start;
  for (const x of out.turns) {
    const a = Date.parse(x.startsAt);
    const b = Date.parse(x.endsAt);
    expect(a).toBe(prev);
    expect(b - a).toBe(spec.turnHours * 3_600_000);
    expect(a).toBeGreaterThanOrEqual(start);
    expect(b).toBeLessThanOrEqual(end);
    prev = b;
  }
  // order rule: within each round the zones come in the rule's order; a round ends where the rank drops
  const zone = new Map(spec.groups.map((g) => [g.id, g.zone]));
  const rounds: string[][] = [];
  for (const x of out.turns) {
    const cur = rounds.at(-1);
    if (cur && !cur.includes(x.groupId) && zoneRank(spec.order, zone.get(x.groupId)!) >= zoneRank(spec.order, zone.get(cur.at(-1)!)!)) cur.push(x.groupId);
    else rounds.push([x.groupId]);
  }
  const maxCount = Math.max(0, ...out.counts.values());
  expect(rounds.length).toBe(maxCount);
  // every group with a turn has one in the first round (the zone first in the rule's order opens the season)
  const withTurns = spec.groups.filter((g) => out.counts.get(g.id)! > 0).map((g) => g.id);
  if (rounds.length) expect([...rounds[0]].sort()).toEqual([...withTurns].sort());
  return out;
}

describe('rota generator', () => {
  const groups: RotaGroup[] = [
    { id: 'up', name: 'กลุ่มบ้านสันป่าสัก (ต้นน้ำ)', zone: 'upstream', areaCentiRai: 120_00 },
    { id: 'mid', name: 'กลุ่มบ้านชมภู (กลางน้ำ)', zone: 'midstream', areaCentiRai: 60_00 },
    { id: 'down', name: 'กลุ่มบ้านท่ากว้าง (ปลายน้ำ)', zone: 'downstream', areaCentiRai: 20_00 },
  ];

  it('gives turns in proportion to irrigated area, downstream first in every round', () => {
    const spec: RotaSpec = { startsOn: '2027-02-01', endsOn: '2027-02-10', turnHours: 24, rule: 'proportional', order: 'downstream_first', groups };
    const out = check(spec);
    // 10 days of 24 h: 120:60:20 rai → 6 : 3 : 1
    expect(Object.fromEntries(out.counts)).toEqual({ up: 6, mid: 3, down: 1 });
    expect(out.turns[0]).toEqual({ seq: 1, groupId: 'down', startsAt: '2027-02-01T06:00:00+07:00', endsAt: '2027-02-02T06:00:00+07:00' });
    expect(out.turns.map((x) => x.groupId)).toEqual(['down', 'mid', 'up', 'up', 'mid', 'up', 'up', 'mid', 'up', 'up']);
    expect(out.turns.at(-1)!.endsAt).toBe('2027-02-11T06:00:00+07:00');
  });

  it('gives equal turns when the rule says so, upstream first', () => {
    const out = check({ startsOn: '2027-03-01', endsOn: '2027-03-09', turnHours: 24, rule: 'equal', order: 'upstream_first', groups });
    expect(Object.fromEntries(out.counts)).toEqual({ up: 3, mid: 3, down: 3 });
    expect(out.turns.slice(0, 3).map((x) => x.groupId)).toEqual(['up', 'mid', 'down']);
  });

  it('hands the turns left over by whole numbers to the largest remainders, so the counts add up to the season', () => {
    // 7 slots, 1:1:1 → 2.33 each: one group gets 3; with equal remainders the order rule decides (downstream)
    const out = check({ startsOn: '2027-02-01', endsOn: '2027-02-07', turnHours: 24, rule: 'equal', order: 'downstream_first', groups });
    expect(Object.fromEntries(out.counts)).toEqual({ up: 2, mid: 2, down: 3 });
  });

  it('leaves out a remainder shorter than one turn, and gives nothing to a group without area', () => {
    const out = check({
      startsOn: '2027-02-01',
      endsOn: '2027-02-01',
      turnHours: 10,
      rule: 'proportional',
      order: 'downstream_first',
      groups: [...groups, { id: 'dry', name: 'กลุ่มไม่มีพื้นที่', zone: 'downstream', areaCentiRai: 0 }],
    });
    expect(out.slots).toBe(2);
    expect(out.counts.get('dry')).toBe(0);
  });

  it('holds fairness, no overlaps and the order rule for 300 random seasons', () => {
    const r = rng(14);
    for (let i = 0; i < 300; i++) check(randomSpec(r));
  });
});

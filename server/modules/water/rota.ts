import type { RotaOrder, RotaRule, Zone } from '../../../common/schemas/water';

/**
 * The rotation-turn generator (รอบเวร), pure. See docs/decisions/0014-water-rota.md.
 *
 * 1. Slots: the season runs from `startsOn` 06:00 to the day after `endsOn` 06:00 (Thai time, +07:00), cut into
 *    back-to-back turns of `turnHours`; a remainder shorter than a turn is left out. Turns never overlap and
 *    never leave the season.
 * 2. Counts: `equal` gives every group the same quota, `proportional` a quota in proportion to its irrigated
 *    area. Whole turns by largest remainder (Hamilton): each group gets the floor of its quota, the turns left
 *    go to the largest fractions (ties: the order rule's zone first, then the name). So every group is within
 *    one turn of its exact quota, and the counts add up to the slots.
 * 3. Order: rounds. With R = the largest count, a group with c turns takes part in round r (0-based) when
 *    ⌈(r+1)·c/R⌉ > ⌈r·c/R⌉ — every group with a turn is in the first round, and its turns spread evenly over
 *    the season instead of bunching at the end. Within a round, the order rule's zone comes first (downstream,
 *    midstream, upstream for `downstream_first`), then groups by name.
 */
export interface RotaGroup {
  id: string;
  name: string;
  zone: Zone;
  /** Irrigated area in hundredths of a rai (an integer, so the arithmetic is exact). */
  areaCentiRai: number;
}
export interface RotaSpec {
  startsOn: string;
  endsOn: string;
  turnHours: number;
  rule: RotaRule;
  order: RotaOrder;
  groups: RotaGroup[];
}
export interface GeneratedTurn {
  seq: number;
  groupId: string;
  startsAt: string;
  endsAt: string;
}
export interface GeneratedRota {
  slots: number;
  quotas: Map<string, number>;
  counts: Map<string, number>;
  turns: GeneratedTurn[];
}

const HOUR = 3_600_000;
export const TURN_CHANGE_HOUR = 6;
const THAI_OFFSET = 7 * HOUR;

/** The instant of hh:00 Thai time on a yyyy-mm-dd day. */
export const thaiInstant = (day: string, hour = TURN_CHANGE_HOUR) => Date.parse(`${day}T00:00:00Z`) + hour * HOUR - THAI_OFFSET;
/** An instant as an ISO date-time in Thai time: 2027-02-01T06:00:00+07:00. */
export const thaiIso = (ms: number) => `${new Date(ms + THAI_OFFSET).toISOString().slice(0, 19)}+07:00`;

export const seasonStart = (startsOn: string) => thaiInstant(startsOn);
export const seasonEnd = (endsOn: string) => thaiInstant(endsOn) + 24 * HOUR;

export function zoneRank(order: RotaOrder, zone: Zone): number {
  const ranks: Zone[] = order === 'downstream_first' ? ['downstream', 'midstream', 'upstream'] : ['upstream', 'midstream', 'downstream'];
  return ranks.indexOf(zone);
}

export function generateRota(spec: RotaSpec): GeneratedRota {
  const start = seasonStart(spec.startsOn);
  const slots = Math.max(0, Math.floor((seasonEnd(spec.endsOn) - start) / (spec.turnHours * HOUR)));
  const byOrder = (a: RotaGroup, b: RotaGroup) =>
    zoneRank(spec.order, a.zone) - zoneRank(spec.order, b.zone) || a.name.localeCompare(b.name, 'th') || a.id.localeCompare(b.id);
  const groups = [...spec.groups].sort(byOrder);
  const weight = (g: RotaGroup) => (spec.rule === 'equal' ? 1 : g.areaCentiRai);
  const total = groups.reduce((s, g) => s + weight(g), 0);

  const quotas = new Map<string, number>();
  const counts = new Map<string, number>();
  if (total > 0) {
    const rema: { g: RotaGroup; rest: number }[] = [];
    let given = 0;
    for (const g of groups) {
      const num = slots * weight(g); // exact in a double: slots ≤ 8 784, area ≤ 10^7 hundredths
      const whole = Math.floor(num / total);
      quotas.set(g.id, num / total);
      counts.set(g.id, whole);
      given += whole;
      rema.push({ g, rest: num - whole * total });
    }
    // stable sort keeps the order rule's order among equal remainders
    rema.sort((a, b) => b.rest - a.rest);
    for (let i = 0; i < slots - given; i++) counts.set(rema[i].g.id, counts.get(rema[i].g.id)! + 1);
  } else
    for (const g of groups) {
      quotas.set(g.id, 0);
      counts.set(g.id, 0);
    }

  const rounds = Math.max(0, ...counts.values());
  const order: string[] = [];
  for (let r = 0; r < rounds; r++)
    for (const g of groups) {
      const c = counts.get(g.id)!;
      if (Math.ceil(((r + 1) * c) / rounds) > Math.ceil((r * c) / rounds)) order.push(g.id);
    }
  const length = spec.turnHours * HOUR;
  const turns = order.map((groupId, i) => ({ seq: i + 1, groupId, startsAt: thaiIso(start + i * length), endsAt: thaiIso(start + (i + 1) * length) }));
  return { slots, quotas, counts, turns };
}

import type { DemoNetwork, MemberRole, Stage } from './types';
import { Rng } from './rng';
import { AS_OF, addDays, dateBetween, fromDays, maxDate, minDate, toDays } from './dates';
import type { NetworkSpec } from './network-specs';
import type { PersonInfo } from './people';

export const STAGES: readonly Stage[] = ['seek', 'develop', 'build', 'sustain'];
const MAX_MEMBERS = 40;
/** Young people did not join before they were old enough. */
const YOUTH_EARLIEST = '2018-06-01';

const GENERIC_NOTES: Record<Stage, readonly string[]> = {
  seek: [
    'เทศบาลชวนแกนนำและภาคีที่เกี่ยวข้องมาหารือ สำรวจปัญหาและทุนเดิมของชุมชน',
    'จัดเวทีประชาคมรับฟังความต้องการ และค้นหาผู้มีจิตสาธารณะในแต่ละหมู่บ้าน',
    'เริ่มรวมกลุ่มจากแกนนำไม่กี่คน หลังประเด็นนี้ถูกเสนอในเวทีประชาคมตำบล',
  ],
  develop: [
    'ตั้งคณะทำงาน แบ่งบทบาทภาคี และจัดทำแผนปฏิบัติการร่วมฉบับแรก',
    'อบรมแกนนำและทดลองทำกิจกรรมนำร่องใน 2–3 หมู่บ้าน',
    'ศึกษาดูงานพื้นที่ต้นแบบ และตกลงกติกาการทำงานร่วมกันของภาคี',
  ],
  build: [
    'มีคำสั่งแต่งตั้งคณะกรรมการเครือข่าย และบรรจุโครงการในแผนพัฒนาท้องถิ่น',
    'ลงนามบันทึกข้อตกลงความร่วมมือระหว่างภาคี และขยายกิจกรรมครบทุกหมู่บ้าน',
    'ภาคีร่วมสมทบงบประมาณและทรัพยากร มีแผนปฏิบัติการร่วมต่อเนื่องทุกปี',
  ],
  sustain: [
    'ดำเนินงานต่อเนื่องด้วยทุนและกติกาของเครือข่ายเอง มีแกนนำรุ่นใหม่สืบทอด',
    'เป็นแหล่งเรียนรู้ให้พื้นที่อื่นศึกษาดูงาน และถอดบทเรียนเป็นชุดความรู้ของเครือข่าย',
    'แผนร่วมของเครือข่ายถูกบรรจุในแผนพัฒนาท้องถิ่นทุกรอบ และมีการประเมินผลร่วมกันทุกปี',
  ],
};

function stageHistory(spec: NetworkSpec, rng: Rng): DemoNetwork['stageHistory'] {
  const founding = { from: null, to: 'seek' as Stage, on: spec.foundedOn, note: spec.foundingNote ?? rng.pick(GENERIC_NOTES.seek) };
  const out: DemoNetwork['stageHistory'] = [founding];
  if (spec.history) {
    let prev: Stage = 'seek';
    for (const h of spec.history) {
      out.push({ from: prev, to: h.to, on: h.on, note: h.note });
      prev = h.to;
    }
    return out;
  }
  // Each climb takes roughly 1½–4½ years; squeeze the whole path if it would run past today.
  const steps = STAGES.indexOf(spec.stage);
  const start = toDays(spec.foundedOn);
  const end = toDays(AS_OF) - 60;
  const durations = Array.from({ length: steps }, () => rng.int(540, 1640));
  const total = durations.reduce((a, b) => a + b, 0);
  const scale = total > end - start ? (end - start) / total : 1;
  let day = start;
  for (let i = 1; i <= steps; i++) {
    day = Math.min(end, day + Math.max(90, Math.round(durations[i - 1] * scale)));
    const to = STAGES[i];
    out.push({ from: STAGES[i - 1], to, on: fromDays(day), note: spec.notes?.[to] ?? rng.pick(GENERIC_NOTES[to]) });
  }
  return out;
}

export interface NetworkContext {
  people: ReadonlyMap<string, PersonInfo>;
  byTag(tag: string): string[];
  partyExists(key: string): boolean;
}

export function buildNetwork(spec: NetworkSpec, ctx: NetworkContext): DemoNetwork {
  const rng = Rng.stream(`network:${spec.key}`);
  const members: DemoNetwork['members'] = [];
  const seen = new Set<string>();
  const founded = spec.foundedOn;
  const lastStart = addDays(AS_OF, -30);

  const startFor = (key: string, earliest: string, latest: string): string => {
    let from = earliest;
    const p = ctx.people.get(key);
    if (p?.since && p.since > from) from = p.since;
    if (p?.gen === 'young') from = maxDate(from, YOUTH_EARLIEST);
    from = minDate(from, lastStart);
    return dateBetween(rng, from, maxDate(from, minDate(latest, lastStart)));
  };

  const add = (key: string, role: MemberRole, start: string, endDate?: string) => {
    if (seen.has(key) || members.length >= MAX_MEMBERS) return;
    if (!ctx.partyExists(key)) throw new Error(`network ${spec.key}: unknown party ${key}`);
    seen.add(key);
    members.push(endDate ? { partyKey: key, role, startDate: start, endDate } : { partyKey: key, role, startDate: start });
  };

  // Coordinator: from founding (or from when the person took up their post).
  const coordinatorSince = ctx.people.get(spec.coordinator)?.since;
  add(spec.coordinator, 'coordinator', coordinatorSince && coordinatorSince > founded ? minDate(coordinatorSince, lastStart) : founded);
  for (const k of spec.committee ?? []) add(k, 'committee', startFor(k, founded, addDays(founded, 120)));
  for (const k of spec.advisors ?? []) add(k, 'advisor', startFor(k, founded, addDays(founded, 365)));
  for (const k of spec.members ?? []) add(k, 'member', startFor(k, founded, addDays(founded, 365)));

  for (const [tag, count] of spec.pools ?? []) {
    const candidates = ctx.byTag(tag).filter((k) => !seen.has(k));
    for (const k of rng.sample(candidates, count)) {
      const start = startFor(k, founded, lastStart);
      // A few people have left the network since they joined.
      const canLeave = toDays(AS_OF) - toDays(start) > 2 * 365;
      const endDate = canLeave && rng.chance(0.08) ? dateBetween(rng, addDays(start, 365), addDays(AS_OF, -60)) : undefined;
      add(k, 'member', start, endDate);
    }
  }

  return {
    key: spec.key,
    name: spec.name,
    nameEn: spec.nameEn,
    description: spec.description,
    issues: [...spec.issues],
    tags: [...spec.tags],
    pillar: spec.pillar,
    stage: spec.stage,
    foundedOn: spec.foundedOn,
    stageHistory: stageHistory(spec, rng),
    coordinatorKey: spec.coordinator,
    members,
  };
}

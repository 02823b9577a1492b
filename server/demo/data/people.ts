import type { DemoAddress, DemoParty, RelType, Sector } from './types';
import type { Rng } from './rng';
import { fullName, NameGenerator, type Generation } from './names';
import { KEY_PEOPLE } from './key-people';
import { COHORTS } from './cohorts';
import { addressAt, chomphuAddress, type PlaceKey } from './places';
import { makeCitizenId } from './citizen-id';
import { AS_OF, dateBetween } from './dates';

/** What the network and relationship builders need to know about a person beyond the party row. */
export interface PersonInfo {
  key: string;
  tags: ReadonlySet<string>;
  gen: Generation;
  sector: Sector;
  moo?: number;
  org?: string;
  orgRole: RelType;
  since?: string;
  position: string;
}

export interface PeopleBuild {
  parties: DemoParty[];
  info: PersonInfo[];
  /** Keys of people with this tag, in a stable order. */
  byTag(tag: string): string[];
}

const MOBILE_PREFIXES = ['081', '086', '089', '084', '087', '093', '095', '098'] as const;

/** Fictional-looking Thai mobile numbers: 08x-0xx-xxxx, unique within one build. */
export class PhoneBook {
  private readonly used = new Set<string>();
  constructor(private readonly rng: Rng) {}
  mobile(): string {
    for (;;) {
      const n = `${this.rng.pick(MOBILE_PREFIXES)}-0${this.rng.digits(2)}-${this.rng.digits(4)}`;
      if (!this.used.has(n)) {
        this.used.add(n);
        return n;
      }
    }
  }
}

function houseNo(rng: Rng): string {
  const n = rng.int(1, 260);
  return rng.chance(0.18) ? `${n}/${rng.int(1, 6)}` : String(n);
}

function registrationOffice(place: PlaceKey | undefined): string {
  switch (place) {
    case 'umong':
      return '5101'; // Mueang Lamphun
    case 'suthep':
    case 'changPhueak':
      return '5001'; // Mueang Chiang Mai
    case 'nongHan':
      return '5014'; // San Sai
    default:
      return '5019'; // Saraphi
  }
}

const CONSENT_PURPOSES = {
  officer: 'ติดต่อประสานงานตามภารกิจของหน่วยงานและภาคีเครือข่าย',
  network: 'ติดต่อประสานงานกิจกรรมเครือข่าย',
  volunteer: 'บันทึกข้อมูลอาสาสมัครและชั่วโมงจิตอาสาเพื่อเชิดชูเกียรติ',
  welfare: 'ขึ้นทะเบียนสมาชิกและจัดสวัสดิการชุมชน',
} as const;

interface Draft {
  party: DemoParty;
  info: PersonInfo;
  place?: PlaceKey;
}

export function buildPeople(rng: Rng, names: NameGenerator): PeopleBuild {
  const phones = new PhoneBook(rng);
  const drafts: Draft[] = [];

  // Hand-written people first, so that generated names never collide with them.
  for (const k of KEY_PEOPLE) names.reserve(k.last ? fullName(k.title, k.first, k.last) : `${k.title}${k.first}`);

  for (const k of KEY_PEOPLE) {
    const name = k.last ? fullName(k.title, k.first, k.last) : `${k.title}${k.first}`;
    let address: DemoAddress | undefined;
    if (k.moo !== undefined) address = chomphuAddress(k.moo, k.line ?? houseNo(rng));
    else if (k.place) address = addressAt(k.place, { line: houseNo(rng) });
    const party: DemoParty = {
      key: k.key,
      kind: 'person',
      name,
      sector: k.sector,
      pillar: k.pillar,
      position: k.position,
    };
    if (address) party.address = address;
    if (k.tags.includes('monk') ? rng.chance(0.5) : true) party.phone = phones.mobile();
    if (k.email) party.email = k.email;
    if (k.note) party.note = k.note;
    drafts.push({
      party,
      place: k.place,
      info: {
        key: k.key,
        tags: new Set(k.tags),
        gen: k.gen,
        sector: k.sector,
        moo: k.moo,
        org: k.org,
        orgRole: k.orgRole ?? 'member_of',
        since: k.since,
        position: k.position,
      },
    });
  }

  // Generated cohorts.
  let serial = 0;
  COHORTS.forEach((c, ci) => {
    for (let i = 0; i < c.count; i++) {
      const moo = c.moos === 'spread' ? ((i + ci) % 9) + 1 : c.moos[i % c.moos.length];
      const gen = c.gens[rng.int(0, c.gens.length - 1)];
      const gender = rng.chance(c.female) ? 'f' : 'm';
      const n = names.next(gender, gen);
      serial += 1;
      const key = `person-${String(serial).padStart(4, '0')}`;
      const position = c.position(moo, i);
      const party: DemoParty = {
        key,
        kind: 'person',
        name: n.full,
        sector: c.sector,
        pillar: c.pillar,
        position,
      };
      if (!c.outside) party.address = chomphuAddress(moo, houseNo(rng));
      if (rng.chance(gen === 'elder' ? 0.75 : 0.92)) party.phone = phones.mobile();
      if (gen !== 'elder' && rng.chance(0.14)) party.lineId = `${c.tag.replace(/-/g, '')}.${moo}${rng.digits(3)}`;
      drafts.push({
        party,
        info: {
          key,
          tags: new Set([c.tag, ...(c.extraTags ?? [])]),
          gen,
          sector: c.sector,
          moo: c.outside ? undefined : moo,
          org: c.org?.(moo, i),
          orgRole: 'member_of',
          position,
        },
      });
    }
  });

  // About a third of the people (never monks) carry a citizen ID and a recorded PDPA basis.
  const eligible = drafts.filter((d) => !d.info.tags.has('monk'));
  const chosen = new Set(rng.sample(eligible, Math.round(drafts.length / 3)).map((d) => d.info.key));
  for (const d of drafts) {
    if (!chosen.has(d.info.key)) continue;
    const category: 1 | 3 = d.info.gen === 'elder' ? 3 : d.info.gen === 'young' ? 1 : rng.chance(0.55) ? 3 : 1;
    d.party.citizenId = makeCitizenId(rng, category, registrationOffice(d.place));
    const official = d.info.sector === 'local_government' || d.info.sector === 'public_agency' || d.info.sector === 'locality';
    const tags = d.info.tags;
    const purpose = official
      ? CONSENT_PURPOSES.officer
      : tags.has('volunteer')
        ? CONSENT_PURPOSES.volunteer
        : tags.has('elder') || tags.has('livelihood')
          ? rng.pick([CONSENT_PURPOSES.network, CONSENT_PURPOSES.welfare])
          : CONSENT_PURPOSES.network;
    // PDPA took full effect on 1 June 2022; consents were collected from then on.
    d.party.consent = { purpose, lawfulBasis: official ? 'public_task' : 'consent', date: dateBetween(rng, '2022-06-01', AS_OF) };
  }

  const parties = drafts.map((d) => d.party);
  const info = drafts.map((d) => d.info);
  const index = new Map<string, string[]>();
  for (const p of info) {
    for (const t of p.tags) {
      const list = index.get(t) ?? [];
      list.push(p.key);
      index.set(t, list);
    }
  }
  return { parties, info, byTag: (tag) => [...(index.get(tag) ?? [])] };
}

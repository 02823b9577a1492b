import type { DemoParty, DemoTenant } from './types';
import { Rng } from './rng';
import { NameGenerator } from './names';
import { villageParties } from './villages';
import { buildOrganisations } from './organisations';
import { buildPeople, type PersonInfo } from './people';
import { NETWORK_SPECS } from './network-specs';
import { buildNetwork } from './networks';
import { buildRelationships } from './relationships';

/** Tenant 1: Chomphu Subdistrict Municipality, Saraphi, Chiang Mai — the demo's main tenant. */
export function buildChomphu(): { tenant: DemoTenant; personNames: string[] } {
  const orgRng = Rng.stream('organisations');
  const peopleRng = Rng.stream('people');

  const organisations: DemoParty[] = [...villageParties(), ...buildOrganisations(orgRng)];
  const people = buildPeople(peopleRng, new NameGenerator(peopleRng));
  const parties = [...organisations, ...people.parties];

  const keys = new Set(parties.map((p) => p.key));
  const personInfo = new Map<string, PersonInfo>(people.info.map((p) => [p.key, p]));
  const networks = NETWORK_SPECS.map((spec) => buildNetwork(spec, { people: personInfo, byTag: people.byTag, partyExists: (k) => keys.has(k) }));
  const relationships = buildRelationships(people.info);

  return {
    tenant: {
      slug: 'chomphu',
      nameTh: 'เทศบาลตำบลชมภู',
      nameEn: 'Chomphu Subdistrict Municipality',
      type: 'subdistrict_municipality',
      province: 'เชียงใหม่',
      district: 'สารภี',
      subdistrict: 'ชมภู',
      parties,
      networks,
      relationships,
    },
    personNames: people.parties.map((p) => p.name),
  };
}

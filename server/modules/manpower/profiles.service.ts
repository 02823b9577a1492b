import type { z } from 'zod';
import type { Availability, Helper, PersonProfile, Skill, helperQuery, personProfileInput } from '../../../common/schemas/manpower';
import { audit } from '../../platform/audit';
import type { TenantContext } from '../../platform/context';
import { withTenant, type Tx } from '../../platform/db';
import { AppError } from '../../platform/errors';
import * as repo from './manpower.repository';
import { actorPartyId, isEditor } from './shared';
import { todayInThailand } from '../../platform/today';
import { partyLabels } from '../partners/partners.repository';

type ProfileRow = repo.ProfileRow;

export const presentProfile = (r: ProfileRow): PersonProfile => ({
  partyId: r.partyId,
  skills: r.skills as Skill[],
  freeSkills: r.freeSkills,
  availability: r.availability as Availability[],
  village: r.village,
  publicListConsent: r.publicListConsent,
  publicListConsentDate: r.publicListConsentDate,
});

const empty = (partyId: string): PersonProfile => ({
  partyId,
  skills: [],
  freeSkills: [],
  availability: [],
  village: null,
  publicListConsent: false,
  publicListConsentDate: null,
});

/** Editors see and change anyone's capacities; a member only their own person's. */
async function assertMayTouch(tx: Tx, ctx: TenantContext, partyId: string) {
  const [p] = await partyLabels(tx, ctx.tenant.id, [partyId]);
  if (!p) throw new AppError('not_found');
  if (p.kind !== 'person') throw new AppError('validation_failed', { partyId: 'person_only' });
  if (!isEditor(ctx) && (await actorPartyId(tx, ctx)) !== partyId) throw new AppError('forbidden');
}

export function getProfile(ctx: TenantContext, partyId: string): Promise<PersonProfile> {
  return withTenant(ctx.db, ctx.tenant.id, async (tx) => {
    await assertMayTouch(tx, ctx, partyId);
    const row = await repo.profileRow(tx, ctx.tenant.id, partyId);
    return row ? presentProfile(row) : empty(partyId);
  });
}

/** Today in Thailand, not in UTC (which is yesterday until 07:00 Bangkok time). */
const today = () => todayInThailand();

export function putProfile(ctx: TenantContext, partyId: string, input: z.output<typeof personProfileInput>): Promise<PersonProfile> {
  return withTenant(ctx.db, ctx.tenant.id, async (tx) => {
    await assertMayTouch(tx, ctx, partyId);
    const before = await repo.profileRow(tx, ctx.tenant.id, partyId);
    const freeSkills = [...new Set(input.freeSkills)];
    const values = {
      tenantId: ctx.tenant.id,
      partyId,
      skills: [...new Set(input.skills)],
      freeSkills,
      availability: [...new Set(input.availability)],
      village: input.village ?? null,
      publicListConsent: input.publicListConsent,
      // the date the person agreed; kept while the agreement stands, cleared when withdrawn
      publicListConsentDate: input.publicListConsent ? (before?.publicListConsent ? before.publicListConsentDate : today()) : null,
      updatedAt: new Date(),
    };
    const after = await repo.upsertProfile(tx, values);
    const view = (r: ProfileRow | null) => (r ? { ...presentProfile(r) } : null);
    await audit(tx, ctx, { entity: 'person_profile', entityId: partyId, action: before ? 'update' : 'create', before: view(before), after: view(after) });
    return presentProfile(after);
  });
}

/**
 * "Who can help?": people with a capacity profile, ranked by matching skills (3 each), same
 * village (2) and availability at the needed time (1). Only people who match something are listed.
 */
export async function findHelpers(tx: Tx, tenantId: string, q: z.output<typeof helperQuery>): Promise<Helper[]> {
  const skills = q.skills ?? [];
  const village = q.village?.trim() || null;
  const found = await repo.helperRows(tx, tenantId, { skills, village, when: q.when ?? null, limit: q.limit });
  return found
    .filter((r) => r.score > 0)
    .map((r) => ({
      party: { id: r.id, kind: r.kind, name: r.name, sector: r.sector, pillar: r.pillar, orgType: r.orgType, position: r.position } as Helper['party'],
      village: r.village,
      skills: r.skills as Skill[],
      freeSkills: r.freeSkills,
      availability: r.availability as Availability[],
      matchedSkills: (r.skills as Skill[]).filter((s) => skills.includes(s)),
      sameVillage: !!village && r.village === village,
      available: !!q.when && r.availability.includes(q.when),
      score: r.score,
    }));
}

export function helpers(ctx: TenantContext, q: z.output<typeof helperQuery>) {
  return withTenant(ctx.db, ctx.tenant.id, (tx) => findHelpers(tx, ctx.tenant.id, q));
}

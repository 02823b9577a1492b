import type { z } from 'zod';
import { hoursOf, type Certificate, type PublicList, type Totals, type totalsQuery } from '../../../common/schemas/manpower';
import type { TenantContext, TenantRef } from '../../platform/context';
import { withTenant, type Db } from '../../platform/db';
import { AppError } from '../../platform/errors';
import { todayInThailand } from '../../platform/today';
import { tenantRefs } from '../tenants/tenants.repository';
import { fiscalYears } from '../years/years.service';
import { confirmedByActivity, confirmedTotals, partyNameKind, publicListRows, type ActivityMinutes } from './hours.repository';
import { actorPartyId, isEditor } from './shared';

/** Totals are sums of confirmed logs, grouped in the database (whole minutes: exact). A member sees only their own. */
export function totals(ctx: TenantContext, q: z.output<typeof totalsQuery>): Promise<Totals> {
  return withTenant(ctx.db, ctx.tenant.id, async (tx) => {
    let personId = q.personId;
    if (!isEditor(ctx)) {
      const own = await actorPartyId(tx, ctx);
      if (!own || (personId && personId !== own)) throw new AppError('forbidden');
      personId = own;
    }
    const { items, minutes } = await confirmedTotals(tx, ctx.tenant.id, { by: q.by, personId, fiscalYear: q.fiscalYear, limit: q.limit });
    return {
      by: q.by,
      fiscalYear: q.fiscalYear ?? null,
      items: items.map((r) => ({ ...r, hours: hoursOf(r.minutes) })),
      minutes,
    };
  });
}

/** The certificate's body from a person's confirmed minutes per activity: the sum, and the first and last day worked. */
export function certificateOf(
  person: Certificate['person'],
  tenant: Certificate['tenant'],
  fiscalYear: number,
  acts: ActivityMinutes[],
  issuedOn: string,
): Certificate {
  const minutes = acts.reduce((s, a) => s + a.minutes, 0);
  return {
    person,
    tenant,
    fiscalYear,
    minutes,
    hours: hoursOf(minutes),
    activities: acts.map((a) => ({ id: a.id, name: a.name, minutes: a.minutes, hours: hoursOf(a.minutes) })),
    firstDate: acts.length ? acts.map((a) => a.first).sort()[0] : null,
    lastDate: acts.length
      ? acts
          .map((a) => a.last)
          .sort()
          .at(-1)!
      : null,
    issuedOn,
  };
}

export function certificate(ctx: TenantContext, personId: string, fiscalYear: number): Promise<Certificate> {
  return withTenant(ctx.db, ctx.tenant.id, async (tx) => {
    const tenantId = ctx.tenant.id;
    if (!isEditor(ctx) && (await actorPartyId(tx, ctx)) !== personId) throw new AppError('forbidden');
    const person = await partyNameKind(tx, tenantId, personId);
    if (!person || person.kind !== 'person') throw new AppError('not_found');
    const acts = await confirmedByActivity(tx, tenantId, personId, fiscalYear);
    const [t] = await tenantRefs(tx, { id: tenantId });
    return certificateOf({ id: person.id, name: person.name }, t, fiscalYear, acts, todayInThailand());
  });
}

/**
 * The yearly public-mindedness list (public, no login): only people who agreed to be listed, with
 * their name and confirmed hours, nothing else.
 */
export async function publicList(db: Db, tenant: TenantRef, fiscalYear: number | undefined): Promise<PublicList> {
  const year = fiscalYear ?? (await fiscalYears(db, tenant.id)).default;
  return withTenant(db, tenant.id, async (tx) => {
    const found = await publicListRows(tx, tenant.id, year);
    return {
      tenant: { nameTh: tenant.nameTh, nameEn: tenant.nameEn },
      fiscalYear: year,
      items: found.map((r, i) => ({ rank: i + 1, name: r.name, minutes: r.minutes, hours: hoursOf(r.minutes) })),
    };
  });
}

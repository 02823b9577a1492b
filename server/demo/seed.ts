import { eq } from 'drizzle-orm';
import { networkMembers, networks, networkStageChanges, parties, partyRelationships, tenants } from '../db/schema';
import { auditMany } from '../platform/audit';
import { SYSTEM_USER, type TenantContext } from '../platform/context';
import { withTenant, type Db } from '../platform/db';
import { hasherFor } from '../modules/partners/partners.service';
import { toPartyValues } from '../modules/partners/partners.validate';
import { loadConfig } from '../platform/config';
import { buildDemoDataset } from './data';
import type { DemoTenant } from './data/types';
import { seedKnowledge } from './knowledge/seed';
import { seedPlans } from './plans/seed';
import { seedManpower } from './manpower/seed';
import { seedBudget } from './budget/seed';
import { seedCommittees } from './committees/seed';
import { demoClock } from './clock';
import { seedLocalPlans } from './localplans/seed';
import { seedWater } from './water/seed';
import { seedNotifications } from './notifications/seed';

/** The demo tenants' slugs (their requests wait while the demo loads in the background at start-up). */
export function demoTenantSlugs(): string[] {
  return buildDemoDataset().tenants.map((t) => t.slug);
}

/** Load the demo tenants that are not there yet. Safe to run again: existing tenants are left alone. */
export async function seedDemo(
  db: Db,
  log: (msg: string) => void = () => {},
  opts: { dataDir?: string; /** 'yyyy-mm-dd'; the dated demo is moved so its last fiscal year is this day's */ today?: string } = {},
): Promise<{ created: string[]; skipped: string[] }> {
  const created: string[] = [];
  const skipped: string[] = [];
  const dataset = buildDemoDataset();
  const clock = demoClock(opts.today);
  for (const t of dataset.tenants) {
    const existing = await db.select({ id: tenants.id }).from(tenants).where(eq(tenants.slug, t.slug)).limit(1);
    if (existing.length) {
      skipped.push(t.slug);
      continue;
    }
    await seedTenant(db, t);
    created.push(t.slug);
    log(`Demo tenant "${t.slug}" loaded: ${t.parties.length} partners, ${t.networks.length} networks.`);
  }
  // Knowledge management demo (Chomphu): when the tenant was just created, or has no knowledge items yet.
  const chomphu = dataset.tenants.find((t) => t.slug === 'chomphu');
  const [ref] = await db
    .select({ id: tenants.id, slug: tenants.slug, nameTh: tenants.nameTh, nameEn: tenants.nameEn })
    .from(tenants)
    .where(eq(tenants.slug, 'chomphu'))
    .limit(1);
  if (chomphu && ref) {
    const k = await seedKnowledge(db, ref, chomphu, opts.dataDir ?? loadConfig().dataDir);
    if (k) log(`Demo knowledge for "chomphu" loaded: ${k.items} items, ${k.forums} forums, ${k.files} files.`);
    const p = await seedPlans(db, ref, chomphu, clock);
    if (p) log(`Demo joint plans for "chomphu" loaded: ${p.plans} plans, ${p.activities} activities, ${p.participation} participation records.`);
    const m = await seedManpower(db, ref, clock);
    if (m) log(`Demo manpower for "chomphu" loaded: ${m.teams} teams, ${m.tasks} tasks, ${m.hours} volunteer-hour logs, ${m.people} skill profiles.`);
    const b = await seedBudget(db, ref, clock);
    if (b) log(`Demo budget for "chomphu" loaded: ${b.funds} funds, ${b.lines} budget lines, ${b.transactions} ledger transactions.`);
    const c = await seedCommittees(db, ref);
    if (c) log(`Demo steering committee for "chomphu" loaded: ${c.meetings} meetings, ${c.resolutions} resolutions.`);
    const l = await seedLocalPlans(db, ref);
    if (l) log(`Demo local development plans for "chomphu" loaded: ${l.plans} plans, ${l.projects} integrated projects.`);
    const w = await seedWater(db, ref, clock);
    if (w)
      log(
        `Demo water management for "chomphu" loaded: ${w.sources} sources, ${w.groups} groups, ${w.members} members, ${w.turns} turns, ${w.incidents} incidents.`,
      );
    const n = await seedNotifications(db, ref);
    if (n) log(`Demo notifications for "chomphu" loaded: ${n.notifications} for the platform admins.`);
  }
  return { created, skipped };
}

async function seedTenant(db: Db, t: DemoTenant): Promise<void> {
  const [tenant] = await db
    .insert(tenants)
    .values({ slug: t.slug, nameTh: t.nameTh, nameEn: t.nameEn, type: t.type, province: t.province, district: t.district, subdistrict: t.subdistrict })
    .returning({ id: tenants.id, slug: tenants.slug, nameTh: tenants.nameTh, nameEn: tenants.nameEn });
  const ctx: TenantContext = { db, tenant, actor: { user: SYSTEM_USER, role: 'system' }, lang: 'th' };
  try {
    await withTenant(db, tenant.id, async (tx) => {
      const hasher = hasherFor(ctx);
      const values = t.parties.map((p) => {
        const { values: v, errors } = toPartyValues(
          {
            kind: p.kind,
            name: p.name,
            nameEn: p.nameEn ?? null,
            sector: p.sector,
            pillar: p.pillar,
            orgType: p.orgType ?? null,
            position: p.position ?? null,
            address: p.address
              ? {
                  line: p.address.line ?? null,
                  moo: p.address.moo ?? null,
                  subdistrict: p.address.subdistrict,
                  district: p.address.district,
                  province: p.address.province,
                  postcode: p.address.postcode,
                }
              : null,
            phone: p.phone ?? null,
            email: p.email ?? null,
            lineId: p.lineId ?? null,
            website: p.website ?? null,
            citizenId: p.citizenId ?? null,
            consent: p.consent ?? null,
            note: p.note ?? null,
          },
          null,
          hasher,
        );
        if (Object.keys(errors).length) throw new Error(`Demo party ${p.key} is invalid: ${JSON.stringify(errors)}`);
        return { ...v, tenantId: tenant.id };
      });
      const partyIds = new Map<string, string>();
      for (let i = 0; i < values.length; i += 200) {
        const rows = await tx
          .insert(parties)
          .values(values.slice(i, i + 200))
          .returning({ id: parties.id });
        rows.forEach((r, j) => partyIds.set(t.parties[i + j].key, r.id));
      }
      const pid = (key: string) => {
        const id = partyIds.get(key);
        if (!id) throw new Error(`Demo data refers to unknown party ${key}`);
        return id;
      };
      const netRows = await tx
        .insert(networks)
        .values(
          t.networks.map((n) => ({
            tenantId: tenant.id,
            name: n.name,
            nameEn: n.nameEn,
            description: n.description,
            issues: n.issues,
            tags: n.tags,
            pillar: n.pillar,
            stage: n.stage,
            foundedOn: n.foundedOn,
            coordinatorPartyId: pid(n.coordinatorKey),
          })),
        )
        .returning({ id: networks.id });
      const stageRows = t.networks.flatMap((n, i) =>
        n.stageHistory.map((s) => ({ tenantId: tenant.id, networkId: netRows[i].id, fromStage: s.from, toStage: s.to, changedOn: s.on, note: s.note })),
      );
      const memberRows = t.networks.flatMap((n, i) =>
        n.members.map((m) => ({
          tenantId: tenant.id,
          networkId: netRows[i].id,
          partyId: pid(m.partyKey),
          role: m.role,
          startDate: m.startDate,
          endDate: m.endDate ?? null,
        })),
      );
      for (let i = 0; i < stageRows.length; i += 500) await tx.insert(networkStageChanges).values(stageRows.slice(i, i + 500));
      for (let i = 0; i < memberRows.length; i += 500) await tx.insert(networkMembers).values(memberRows.slice(i, i + 500));
      if (t.relationships.length)
        await tx.insert(partyRelationships).values(
          t.relationships.map((r) => ({
            tenantId: tenant.id,
            fromPartyId: pid(r.fromKey),
            toPartyId: pid(r.toKey),
            type: r.type,
            startDate: r.startDate,
            endDate: r.endDate ?? null,
            note: r.note ?? null,
          })),
        );
      await auditMany(tx, ctx, [
        {
          entity: 'tenant',
          entityId: tenant.id,
          entityLabel: `${t.nameTh}: ข้อมูลตัวอย่าง ${t.parties.length} ภาคี ${t.networks.length} เครือข่าย`,
          action: 'create',
          after: { parties: t.parties.length, networks: t.networks.length, memberships: memberRows.length, relationships: t.relationships.length },
        },
      ]);
    });
  } catch (err) {
    await db.delete(tenants).where(eq(tenants.id, tenant.id)); // leave no half-loaded tenant behind
    throw err;
  }
}

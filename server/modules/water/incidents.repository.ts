import { and, eq, sql } from 'drizzle-orm';
import type { Incident } from '../../../common/schemas/water';
import { waterIncidentFines, waterIncidents } from '../../db/schema';
import type { Tx } from '../../platform/db';
import { rows } from '../../platform/sql';

export type IncidentRow = Omit<Incident, 'fines' | 'files'>;
export type FineRow = Incident['fines'][number] & { incidentId: string };

/** Incidents (one, or all) with their source, group and reporter, newest first. */
export function incidentRows(tx: Tx, tenantId: string, id?: string) {
  return rows<IncidentRow>(
    tx,
    sql`select i.id, i.occurred_on::text as "occurredOn", i.kind,
               case when s.id is null then null else json_build_object('id', s.id, 'name', s.name) end as source,
               case when g.id is null then null else json_build_object('id', g.id, 'name', g.name) end as "group",
               case when p.id is null then null else json_build_object('id', p.id, 'name', p.name) end as reporter,
               i.place, i.description, i.evidence_note as "evidenceNote", i.resolution, i.status
        from water_incidents i
        left join water_sources s on s.tenant_id = i.tenant_id and s.id = i.source_id
        left join water_user_groups g on g.tenant_id = i.tenant_id and g.id = i.group_id
        left join parties p on p.tenant_id = i.tenant_id and p.id = i.reporter_party_id
        where i.tenant_id = ${tenantId} and ${id === undefined ? sql`true` : sql`i.id = ${id}`}
        order by i.occurred_on desc, i.created_at desc, i.id`,
  );
}

/** The fines of these incidents with the offender, the regulation version and clause (regulations' tables, read). */
export function fineRows(tx: Tx, tenantId: string, incidentIds: string[]) {
  return rows<FineRow>(
    tx,
    sql`select f.id, f.incident_id as "incidentId", json_build_object('id', p.id, 'name', p.name) as party,
               json_build_object('id', v.id, 'number', v.number, 'title', v.title) as "regulationVersion",
               c.number as "clauseNumber", rf.offence, f.repeat, f.amount_satang::int as "amountSatang", f.paid_on::text as "paidOn",
               f.ledger_transaction_id as "ledgerTransactionId"
        from water_incident_fines f
        join parties p on p.tenant_id = f.tenant_id and p.id = f.party_id
        join regulation_fines rf on rf.tenant_id = f.tenant_id and rf.id = f.regulation_fine_id
        join regulation_clauses c on c.tenant_id = rf.tenant_id and c.id = rf.clause_id
        join regulation_versions v on v.tenant_id = rf.tenant_id and v.id = rf.version_id
        where f.tenant_id = ${tenantId} and f.incident_id in (${sql.join(
          incidentIds.map((i) => sql`${i}::uuid`),
          sql`, `,
        )})
        order by f.created_at, f.id`,
  );
}

/** Whether a row with this id exists in the tenant (a null id counts as there: nothing to check). */
async function exists(tx: Tx, table: 'water_sources' | 'water_user_groups' | 'parties' | 'regulations', tenantId: string, id: string | null) {
  return !id || (await rows(tx, sql`select 1 from ${sql.raw(table)} where tenant_id = ${tenantId} and id = ${id}`)).length > 0;
}
export const sourceExists = (tx: Tx, tenantId: string, id: string | null) => exists(tx, 'water_sources', tenantId, id);
export const groupExists = (tx: Tx, tenantId: string, id: string | null) => exists(tx, 'water_user_groups', tenantId, id);
export const partyExists = (tx: Tx, tenantId: string, id: string | null) => exists(tx, 'parties', tenantId, id);
export const regulationExists = (tx: Tx, tenantId: string, id: string) => exists(tx, 'regulations', tenantId, id);

export async function insertIncident(tx: Tx, values: typeof waterIncidents.$inferInsert): Promise<string> {
  const [row] = await tx.insert(waterIncidents).values(values).returning({ id: waterIncidents.id });
  return row.id;
}

export async function updateIncidentRow(tx: Tx, tenantId: string, id: string, set: Partial<typeof waterIncidents.$inferInsert>): Promise<void> {
  await tx
    .update(waterIncidents)
    .set(set)
    .where(and(eq(waterIncidents.tenantId, tenantId), eq(waterIncidents.id, id)));
}

export async function insertFine(tx: Tx, values: typeof waterIncidentFines.$inferInsert): Promise<string> {
  const [row] = await tx.insert(waterIncidentFines).values(values).returning({ id: waterIncidentFines.id });
  return row.id;
}

/** One fine of the incident, locked. */
export async function fineForUpdate(tx: Tx, tenantId: string, incidentId: string, fineId: string) {
  const [f] = await tx
    .select()
    .from(waterIncidentFines)
    .where(and(eq(waterIncidentFines.tenantId, tenantId), eq(waterIncidentFines.incidentId, incidentId), eq(waterIncidentFines.id, fineId)))
    .for('update');
  return f;
}

export async function markFinePaid(tx: Tx, tenantId: string, fineId: string, paidOn: string, ledgerTransactionId: string): Promise<void> {
  await tx
    .update(waterIncidentFines)
    .set({ paidOn, ledgerTransactionId })
    .where(and(eq(waterIncidentFines.tenantId, tenantId), eq(waterIncidentFines.id, fineId)));
}

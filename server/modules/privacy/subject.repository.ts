import { sql } from 'drizzle-orm';
import type { SubjectSection } from '../../../common/schemas/privacy';
import type { Tx } from '../../platform/db';
import { rows } from '../../platform/sql';
import { ledgerOfParty } from '../budget/party-records';

type Rec = Record<string, unknown>;

/**
 * Everything Phakhi holds about one person, one list per kind (PDPA section 30: the right of access; section 31:
 * portability). Read-only SQL over the modules that refer to a party; the ledger through the budget module's own
 * reader. A new table that names a person belongs here (and in the erasure, privacy.service.ts).
 */
export async function subjectData(tx: Tx, tenantId: string, partyId: string): Promise<Record<SubjectSection, Rec[]>> {
  const q = (query: ReturnType<typeof sql>) => rows<Rec>(tx, query);
  const ledger = await ledgerOfParty(tx, tenantId, partyId);
  return {
    party: await q(sql`
      select id, kind, name, name_en, sector, pillar, org_type, position, address_line, moo, subdistrict, district, province,
             postcode, phone, email, line_id, website, citizen_id_masked, consent_purpose, consent_lawful_basis, consent_date,
             note, created_at, updated_at
      from parties where tenant_id = ${tenantId} and id = ${partyId}`),
    consents: await q(sql`
      select id, purpose, lawful_basis, given_on, method, recorded_by_name, note, withdrawn_on, withdrawn_by_name, withdrawal_note, created_at
      from privacy_consents where tenant_id = ${tenantId} and party_id = ${partyId} order by given_on, created_at`),
    accounts: await q(sql`
      select u.name, u.email, tu.role, tu.active, tu.created_at
      from tenant_users tu join users u on u.id = tu.user_id
      where tu.tenant_id = ${tenantId} and tu.party_id = ${partyId}`),
    memberships: await q(sql`
      select n.name as network, m.role, m.start_date, m.end_date
      from network_members m join networks n on n.tenant_id = m.tenant_id and n.id = m.network_id
      where m.tenant_id = ${tenantId} and m.party_id = ${partyId} order by m.start_date nulls first`),
    relationships: await q(sql`
      select r.type, case when r.from_party_id = ${partyId} then 'from' else 'to' end as direction, o.name as other_party,
             r.start_date, r.end_date, r.note
      from party_relationships r
      join parties o on o.tenant_id = r.tenant_id and o.id = case when r.from_party_id = ${partyId} then r.to_party_id else r.from_party_id end
      where r.tenant_id = ${tenantId} and (r.from_party_id = ${partyId} or r.to_party_id = ${partyId})`),
    committees: await q(sql`
      select c.name as committee, m.position, m.start_date, m.end_date, m.order_number, m.order_date
      from committee_members m join committees c on c.tenant_id = m.tenant_id and c.id = m.committee_id
      where m.tenant_id = ${tenantId} and m.party_id = ${partyId} order by m.start_date`),
    waterGroups: await q(sql`
      select g.name as water_group, m.role, m.plot, m.irrigated_rai
      from water_group_members m join water_user_groups g on g.tenant_id = m.tenant_id and g.id = m.group_id
      where m.tenant_id = ${tenantId} and m.party_id = ${partyId}`),
    teams: await q(sql`
      select t.name as team from team_members m join teams t on t.tenant_id = m.tenant_id and t.id = m.team_id
      where m.tenant_id = ${tenantId} and m.party_id = ${partyId}`),
    profile: await q(sql`
      select skills, free_skills, availability, village, public_list_consent, public_list_consent_date, updated_at
      from person_profiles where tenant_id = ${tenantId} and party_id = ${partyId}`),
    volunteerHours: await q(sql`
      select worked_on, fiscal_year, minutes, status, note, return_reason, reviewed_by_name, reviewed_at
      from volunteer_hours where tenant_id = ${tenantId} and party_id = ${partyId} order by worked_on`),
    participation: await q(sql`
      select occurred_on, fiscal_year, level, subject_kind, title, head_count, contribution, amount_satang, note
      from participation_records where tenant_id = ${tenantId} and party_id = ${partyId} order by occurred_on`),
    contributions: [
      ...ledger.funds.map((f) => ({ record: 'fund', name: f.name, kind: f.kind, fiscalYear: f.fiscalYear })),
      ...ledger.transactions.map((x) => ({ record: 'ledger_transaction', ...x })),
    ],
    fines: await q(sql`
      select i.occurred_on, i.kind, i.place, f.amount_satang, f.repeat, f.paid_on
      from water_incident_fines f join water_incidents i on i.tenant_id = f.tenant_id and i.id = f.incident_id
      where f.tenant_id = ${tenantId} and f.party_id = ${partyId} order by i.occurred_on`),
    accessLog: await q(sql`
      select viewer_name, viewer_role, fields, route, viewed_at
      from privacy_access_log where tenant_id = ${tenantId} and party_id = ${partyId} order by viewed_at desc limit 5000`),
    auditEvents: await q(sql`
      select created_at, actor_name, actor_role, entity, action, entity_label, changes
      from audit_log
      where tenant_id = ${tenantId}
        and (entity_id = ${partyId} or changes->'partyId'->>'after' = ${partyId} or changes->'partyId'->>'before' = ${partyId})
      order by created_at limit 5000`),
  };
}

/** Why the data of this person must still be kept (PDPA section 33 paragraph 1 (5): a legal obligation), if so. */
export async function legalHolds(tx: Tx, tenantId: string, partyId: string, today: string): Promise<string[]> {
  const [r] = await rows<{ account: boolean; pending: boolean; fine: boolean; committee: boolean }>(
    tx,
    sql`select
      exists (select 1 from tenant_users tu join users u on u.id = tu.user_id
              where tu.tenant_id = ${tenantId} and tu.party_id = ${partyId} and tu.active and u.active) as account,
      exists (select 1 from ledger_transactions where tenant_id = ${tenantId} and party_id = ${partyId} and status = 'pending') as pending,
      exists (select 1 from water_incident_fines where tenant_id = ${tenantId} and party_id = ${partyId} and paid_on is null) as fine,
      exists (select 1 from committee_members where tenant_id = ${tenantId} and party_id = ${partyId}
              and start_date <= ${today} and (end_date is null or end_date >= ${today})) as committee`,
  );
  const holds: string[] = [];
  if (r.account) holds.push('erasure_has_account');
  if (r.pending) holds.push('erasure_pending_payment');
  if (r.fine) holds.push('erasure_unpaid_fine');
  if (r.committee) holds.push('erasure_committee_term');
  return holds;
}

import { sql } from 'drizzle-orm';
import { check, foreignKey, index, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { storedFileColumns } from './columns';
import { tenants } from './platform';
import { planProgressReports } from './plans';
import { strategyMeasurements } from './strategy';

// Migration 0023 (hand-written, the source of truth, with its RLS). Mirrors it for typed queries.

/** A photo or PDF attached as evidence to exactly one progress report or indicator measurement. */
export const evidenceFiles = pgTable(
  'evidence_files',
  {
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    id: uuid('id').notNull().defaultRandom(),
    progressReportId: uuid('progress_report_id'),
    measurementId: uuid('measurement_id'),
    /** Migration 0046: a photo of a water incident. */
    incidentId: uuid('incident_id'),
    ...storedFileColumns(),
    uploadedByName: text('uploaded_by_name').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({
      name: 'evidence_files_report_fk',
      columns: [t.tenantId, t.progressReportId],
      foreignColumns: [planProgressReports.tenantId, planProgressReports.id],
    }).onDelete('cascade'),
    foreignKey({
      name: 'evidence_files_measurement_fk',
      columns: [t.tenantId, t.measurementId],
      foreignColumns: [strategyMeasurements.tenantId, strategyMeasurements.id],
    }).onDelete('cascade'),
    check('evidence_files_one_owner_check', sql`num_nonnulls(${t.progressReportId}, ${t.measurementId}, ${t.incidentId}) = 1`),
    check('evidence_files_kind_check', sql`${t.kind} in ('pdf', 'png', 'jpeg', 'webp')`),
    index('evidence_files_report_idx').on(t.tenantId, t.progressReportId),
    index('evidence_files_measurement_idx').on(t.tenantId, t.measurementId),
    index('evidence_files_incident_idx').on(t.tenantId, t.incidentId),
    index('evidence_files_sha256_idx').on(t.tenantId, t.sha256),
  ],
);

import { integer, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * The columns of a stored file: what platform/files/blobs.ts reads of one (`StoredFile`, `storedFileFacts`), who
 * uploaded it and when. Every table whose rows name bytes in the content-addressed store (knowledge attachments,
 * ledger receipts, evidence files) has them; the uploader's name is each table's own (its nullability differs).
 * Not a table: index.ts does not export it.
 */
export const storedFileColumns = () => ({
  filename: text('filename').notNull(),
  kind: text('kind').notNull(),
  mediaType: text('media_type').notNull(),
  sizeBytes: integer('size_bytes').notNull(),
  sha256: text('sha256').notNull(),
  uploadedByUserId: uuid('uploaded_by_user_id'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

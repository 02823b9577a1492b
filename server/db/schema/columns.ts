import { integer, text } from 'drizzle-orm/pg-core';

/**
 * The columns of a stored file (platform/files/blobs.ts `StoredFile`): every table whose rows name bytes in the
 * content-addressed store (knowledge attachments, ledger receipts, evidence files) has these, so `storedFileFacts`
 * and `sendStoredFile` read any of them alike. Not a table: index.ts does not export it.
 */
export const storedFileColumns = () => ({
  filename: text('filename').notNull(),
  kind: text('kind').notNull(),
  mediaType: text('media_type').notNull(),
  sizeBytes: integer('size_bytes').notNull(),
  sha256: text('sha256').notNull(),
});

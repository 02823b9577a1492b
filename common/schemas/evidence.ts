import { z } from 'zod';

/**
 * Photos and documents attached as evidence to a plan activity's progress report or to an indicator's
 * measurement. The kind is judged from the bytes on the server, never from the name or the browser's type.
 */
export const EVIDENCE_FILE_KINDS = ['png', 'jpeg', 'webp', 'pdf'] as const;
export type EvidenceFileKind = (typeof EVIDENCE_FILE_KINDS)[number];
/** What a file input offers (the server still checks the content). */
export const EVIDENCE_ACCEPT = 'image/png,image/jpeg,image/webp,application/pdf';
/** At most this many files per report or measurement. */
export const EVIDENCE_MAX_FILES = 20;

export const evidenceFile = z.object({
  id: z.uuid(),
  filename: z.string(),
  kind: z.enum(EVIDENCE_FILE_KINDS),
  mediaType: z.string(),
  sizeBytes: z.number().int(),
  sha256: z.string(),
  uploadedBy: z.string(),
  createdAt: z.string(),
  /** GET: the bytes (images and PDFs inline). */
  url: z.string(),
  /** Whether the caller may remove it (its uploader, or an officer or admin). */
  canDelete: z.boolean(),
});
export type EvidenceFile = z.infer<typeof evidenceFile>;

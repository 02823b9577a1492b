import { z } from 'zod';
import { ATTACHMENT_KINDS, KNOWLEDGE_TYPES } from './knowledge';

/** Knowledge marked public (สาธารณะ), for anyone without a login: no readers, editors or partner links. */
export const publicKnowledgeItem = z.object({
  id: z.uuid(),
  type: z.enum(KNOWLEDGE_TYPES),
  title: z.string(),
  summary: z.string().nullable(),
  tags: z.array(z.string()),
  publishedOn: z.string(),
  networks: z.array(z.string()),
});
export type PublicKnowledgeItem = z.infer<typeof publicKnowledgeItem>;

export const publicKnowledgeList = z.object({
  tenant: z.object({ nameTh: z.string(), nameEn: z.string() }),
  items: z.array(publicKnowledgeItem),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type PublicKnowledgeList = z.infer<typeof publicKnowledgeList>;

export const publicKnowledgeDetail = publicKnowledgeItem.extend({
  tenant: z.object({ nameTh: z.string(), nameEn: z.string() }),
  /** Sanitised HTML of the body (rendered on write). */
  bodyHtml: z.string(),
  attachments: z.array(
    z.object({
      id: z.uuid(),
      filename: z.string(),
      kind: z.enum(ATTACHMENT_KINDS),
      sizeBytes: z.number().int(),
      caption: z.string().nullable(),
      url: z.string(),
    }),
  ),
});
export type PublicKnowledgeDetail = z.infer<typeof publicKnowledgeDetail>;

export const publicKnowledgeQuery = z.object({
  q: z.string().trim().max(200).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

import type { AttachmentKind, ForumParticipantRole, KnowledgePartyRole, KnowledgeType, KnowledgeVisibility } from '../../../common/schemas/knowledge';

/**
 * The knowledge enumerations for the browser without loading zod (common/schemas/knowledge builds schemas
 * at import time). Each list is written as an exhaustive record, so a value added on the server fails the
 * typecheck here until it is added too.
 */
const keys = <T extends string>(r: Record<T, true>) => Object.keys(r) as T[];

export const KNOWLEDGE_TYPE_LIST: readonly KnowledgeType[] = keys<KnowledgeType>({
  lesson: true,
  good_practice: true,
  local_wisdom: true,
  manual: true,
  case_study: true,
  research: true,
});
export const VISIBILITY_LIST: readonly KnowledgeVisibility[] = keys<KnowledgeVisibility>({ network: true, tenant: true, public: true });
export const PARTY_ROLE_LIST: readonly KnowledgePartyRole[] = keys<KnowledgePartyRole>({ author: true, contributor: true });
export const FORUM_ROLE_LIST: readonly ForumParticipantRole[] = keys<ForumParticipantRole>({ host: true, participant: true, speaker: true });
export const IMAGE_KINDS: ReadonlySet<AttachmentKind> = new Set<AttachmentKind>(['png', 'jpeg', 'webp']);

/** The server's limit for one attachment (ATTACHMENT_MAX_BYTES in common/schemas/knowledge). */
export const ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024;

/** Colours whose shade 9 keeps AA contrast on their shade 0 (light badges) and on white (outline badges). */
export const KNOWLEDGE_TYPE_COLORS: Record<KnowledgeType, string> = {
  lesson: 'teal',
  good_practice: 'cyan',
  local_wisdom: 'grape',
  manual: 'blue',
  case_study: 'pink',
  research: 'indigo',
};
export const VISIBILITY_COLORS: Record<KnowledgeVisibility, string> = { network: 'violet', tenant: 'blue', public: 'teal' };

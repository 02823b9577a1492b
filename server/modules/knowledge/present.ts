import type { KnowledgeItem, KnowledgeType, KnowledgeVisibility } from '../../../common/schemas/knowledge';
import { isoTime } from '../../platform/sql';
import type { ListRow, RelationColumns } from './knowledge.repository';

/** A knowledge item as lists and search answers show it. */
export function presentItem(r: ListRow & RelationColumns): KnowledgeItem {
  return {
    id: r.id,
    type: r.type as KnowledgeType,
    title: r.title,
    summary: r.summary,
    tags: r.tags,
    visibility: r.visibility as KnowledgeVisibility,
    networks: r.networks,
    parties: r.parties.map((p) => ({ role: p.role, party: p.party as KnowledgeItem['parties'][number]['party'] })),
    publishedOn: r.publishedOn,
    version: r.version,
    attachmentCount: r.attachmentCount,
    views: r.views,
    createdBy: r.createdByName,
    updatedBy: r.updatedByName,
    createdAt: isoTime(r.createdAt),
    updatedAt: isoTime(r.updatedAt),
  };
}

/** What other features use of knowledge (badges, rich text, attachments, the list query): import it from '../knowledge'. */
export { useKnowledgeList } from './api';
export { AttachmentsSection } from './Attachments';
export { formatBytes, KnowledgeTypeBadge, RichText, TagList } from './parts';

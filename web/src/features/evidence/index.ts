/** Files as evidence (picker, thumbnails, attach-more), used by plans, strategy and water: import them from '../evidence'. */
export { AttachMore } from './AttachMore';
export { uploadAll } from './api';
export { EvidenceFiles } from './EvidenceFiles';
export { EvidencePicker } from './EvidencePicker';

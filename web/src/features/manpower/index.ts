/** What other features use of manpower (people pickers, skills, linked accounts): import it from '../manpower'. */
export { useActivityOptions } from './api';
export { LinkedPersonCell } from './LinkedPersonCell';
export { ActivitySelect, PersonSelect } from './parts';
export { PersonSkillsCard } from './PersonSkillsCard';

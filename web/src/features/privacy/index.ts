/** What other features use of privacy (the person's privacy card on a partner page): import it from '../privacy'. */
export { PersonPrivacyCard } from './PersonPrivacyCard';

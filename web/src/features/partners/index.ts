/** What other features use of partners (party pickers, the partner queries, relationships, the address search): import it from '../partners'. */
export { AddressSearch } from './AddressSearch';
export { usePartner, usePartners, useRelationships } from './api';
export { useRelationshipColumns } from './relationshipColumns';
export { PartyMultiSelect, type PartyOption, PartySelect } from './PartySelect';

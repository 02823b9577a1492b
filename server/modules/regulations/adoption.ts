/**
 * The pair of functions the committees module calls when a resolution adopts a regulation version (or a later one
 * revokes that act): the version as committees sees it, locked, and its adoption written. Their SQL lives in
 * regulations.repository.ts; this file is what regulations exports for committees.
 */
export { regulationVersionAdoption, setRegulationVersionAdoption } from './regulations.repository';

import { type RegisteredRouter, useNavigate, useSearch } from '@tanstack/react-router';
import { ISSUES, PARTY_KINDS, PILLARS, RELATIONSHIP_TYPES, SECTORS, STAGES } from '../../../common/schemas/enums';
import type { Issue, PartyKind, Pillar, RelationshipType, Sector, Stage } from '../../../common/schemas/enums';
import type { KnowledgeType } from '../../../common/schemas/knowledge';
import { KNOWLEDGE_TYPE_LIST } from '../ui/knowledgeEnums';
import { knowledgeYear, oneOf, page, positive, text, uuid } from './search-params';

/** A list whose address holds only its search words and page (committees, teams). */
export interface TextListSearch {
  q?: string;
  page?: number;
}
export function validateTextListSearch(s: Record<string, unknown>): TextListSearch {
  return { q: text(s.q), page: page(s.page) };
}

export interface NetworkSearch {
  q?: string;
  page?: number;
  pillar?: Pillar;
  stage?: Stage;
  issue?: Issue;
}
export function validateNetworkSearch(s: Record<string, unknown>): NetworkSearch {
  return { q: text(s.q), page: page(s.page), pillar: oneOf(PILLARS, s.pillar), stage: oneOf(STAGES, s.stage), issue: oneOf(ISSUES, s.issue) };
}

export interface PartnerSearch {
  q?: string;
  page?: number;
  kind?: PartyKind;
  sector?: Sector;
  pillar?: Pillar;
}
export function validatePartnerSearch(s: Record<string, unknown>): PartnerSearch {
  return { q: text(s.q), page: page(s.page), kind: oneOf(PARTY_KINDS, s.kind), sector: oneOf(SECTORS, s.sector), pillar: oneOf(PILLARS, s.pillar) };
}

import { AUDIT_ACTIONS } from '../../../common/schemas/enums';
export { AUDIT_ACTIONS };
export type AuditAction = (typeof AUDIT_ACTIONS)[number];
export interface AuditSearch {
  page?: number;
  entity?: string;
  action?: AuditAction;
}
export function validateAuditSearch(s: Record<string, unknown>): AuditSearch {
  return { page: page(s.page), entity: text(s.entity), action: oneOf(AUDIT_ACTIONS, s.action) };
}

export interface RelationshipSearch {
  page?: number;
  type?: RelationshipType;
}
export function validateRelationshipSearch(s: Record<string, unknown>): RelationshipSearch {
  return { page: page(s.page), type: oneOf(RELATIONSHIP_TYPES, s.type) };
}

export const KNOWLEDGE_SORTS = ['relevance', '-publishedOn', '-updatedAt', 'title', '-views'] as const;
export type KnowledgeSort = (typeof KNOWLEDGE_SORTS)[number];
export interface KnowledgeSearch {
  q?: string;
  page?: number;
  type?: KnowledgeType;
  networkId?: string;
  tag?: string;
  /** B.E. calendar year of publication. */
  year?: number;
  sort?: KnowledgeSort;
}
export function validateKnowledgeSearch(s: Record<string, unknown>): KnowledgeSearch {
  return {
    q: text(s.q),
    page: page(s.page),
    type: oneOf(KNOWLEDGE_TYPE_LIST, s.type),
    networkId: uuid(s.networkId),
    tag: text(s.tag)?.slice(0, 50),
    year: knowledgeYear(s.year),
    sort: oneOf(KNOWLEDGE_SORTS, s.sort),
  };
}

/** The history page: `v` opens one version, `from`/`to` choose the versions to compare. */
export interface KnowledgeHistorySearch {
  v?: number;
  from?: number;
  to?: number;
}
export function validateKnowledgeHistorySearch(s: Record<string, unknown>): KnowledgeHistorySearch {
  return { v: positive(s.v), from: positive(s.from), to: positive(s.to) };
}

export interface ForumSearch {
  q?: string;
  page?: number;
  networkId?: string;
  fiscalYear?: number;
}
export function validateForumSearch(s: Record<string, unknown>): ForumSearch {
  return { q: text(s.q), page: page(s.page), networkId: uuid(s.networkId), fiscalYear: knowledgeYear(s.fiscalYear) };
}

export interface MetricsSearch {
  fiscalYear?: number;
  networkId?: string;
}
export function validateMetricsSearch(s: Record<string, unknown>): MetricsSearch {
  return { fiscalYear: knowledgeYear(s.fiscalYear), networkId: uuid(s.networkId) };
}

/** Drop undefined keys so URLs stay clean. */
export function clean<T extends object>(o: T): T {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(o)) if (v !== undefined && v !== '' && v !== null) out[k] = v;
  return out as T;
}

/** A pager's move for a list whose page is in the address: `navigate({ search: toPage(p) })`; page 1 leaves it out. */
export const toPage =
  (page: number) =>
  <S extends { page?: number }>(prev: S): S =>
    clean({ ...prev, page: page > 1 ? page : undefined });

export interface ListAddress<S> {
  /** The address's search params, as the route validated them. */
  search: S;
  page: number;
  /** A filter change: the patch replaces those keys and the list goes back to page 1. */
  set: (patch: Partial<S>) => void;
  onPage: (page: number) => void;
}

/**
 * What a list page does with its address: the page it shows, a filter change (which goes back to page 1) and a pager
 * move. `navigate` is the page's own `useNavigate({ from })`.
 */
export function listAddress<S extends { page?: number }>(search: S, navigate: (options: { search: (prev: S) => S }) => Promise<void>): ListAddress<S> {
  return {
    search,
    page: search.page ?? 1,
    set: (patch: Partial<S>) => void navigate({ search: (prev) => clean({ ...prev, page: undefined, ...patch }) }),
    onPage: (page: number) => void navigate({ search: toPage(page) }),
  };
}

type RouteId = keyof RegisteredRouter['routesById'];
type RouteSearch<R extends RouteId> = RegisteredRouter['routesById'][R]['types']['fullSearchSchema'];

/** `listAddress` of the route a list page is drawn on: its search params read and written through the address. */
export function useListAddress<R extends RouteId>(from: R): ListAddress<RouteSearch<R>> {
  // the route's types are resolved at the call; here they are one generic shape, hence the casts
  type S = RouteSearch<R> & { page?: number };
  const search = useSearch({ from } as never) as S;
  const navigate = useNavigate({ from } as never) as unknown as (options: { search: (prev: S) => S }) => Promise<void>;
  return listAddress(search, navigate);
}

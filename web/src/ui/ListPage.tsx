import { Stack } from '@mantine/core';
import type { ReactNode } from 'react';
import { DataView, type DataViewProps } from './DataView';
import { ErrorAlert } from './ErrorAlert';
import { Loading } from './Loading';
import { PageHeader } from './PageHeader';
import { Pager } from './Pager';

/** What a paged list endpoint answers: the page's items, the total, and (most do) the page size it used. */
export interface PagedData<T> {
  items: T[];
  total: number;
  pageSize?: number;
}

/** The parts of a TanStack query that a list reads (a `useQuery` result fits). */
export interface ListQuery<T> {
  data: PagedData<T> | undefined;
  error: unknown;
  isError: boolean;
  isPending: boolean;
  isPlaceholderData?: boolean;
  isFetching?: boolean;
}

/** The rows as the shared table-or-cards view (DataView), or the page's own rendering (e.g. a list of cards). */
type RowsView<T> = (Omit<DataViewProps<T>, 'rows'> & { render?: never }) | { render: (items: T[]) => ReactNode; columns?: never };

/** Which page a list shows and how the pager moves it (a list page's `ListAddress`, context/search.ts, fits). */
export interface Paging {
  page: number;
  onPage: (page: number) => void;
}

/** A list's query and how its rows show. */
type ListBody<T> = {
  query: ListQuery<T>;
  /** Used when the answer does not say its page size. */
  pageSize: number;
} & RowsView<T>;

export type PagedListProps<T> = ListBody<T> & Paging;

/**
 * A paged list's body: the error, a spinner until the first answer, the rows (dimmed while the next page loads over
 * the previous one) and the pager with the total. Everything a list page repeats; the page keeps its columns.
 */
export function PagedList<T>({ query, page, pageSize, onPage, ...view }: PagedListProps<T>) {
  return (
    <>
      {query.isError ? <ErrorAlert error={query.error} /> : null}
      {query.isPending ? (
        <Loading />
      ) : query.data ? (
        <div style={{ opacity: query.isPlaceholderData ? 0.6 : 1 }} aria-busy={query.isFetching}>
          {view.render ? view.render(query.data.items) : <DataView rows={query.data.items} {...view} />}
          <Pager page={page} pageSize={query.data.pageSize || pageSize} total={query.data.total} onChange={onPage} />
        </div>
      ) : null}
    </>
  );
}

/**
 * The scaffold of a list page: header (title, subtitle, actions), what sits between it and the filters (e.g. a
 * module's tabs), the filters, the paged list, then whatever the page adds below (its modals and dialogs). `paging`
 * is the page's list address (`useListAddress`): the page shown, and the pager's move.
 */
export function ListPage<T>({
  title,
  subtitle,
  actions,
  above,
  filters,
  children,
  paging,
  ...list
}: {
  title: string;
  subtitle?: ReactNode;
  actions?: ReactNode;
  above?: ReactNode;
  filters?: ReactNode;
  children?: ReactNode;
  paging: Paging;
} & ListBody<T>) {
  return (
    <Stack gap="md">
      <PageHeader title={title} subtitle={subtitle} actions={actions} />
      {above}
      {filters}
      <PagedList {...(list as ListBody<T>)} page={paging.page} onPage={paging.onPage} />
      {children}
    </Stack>
  );
}

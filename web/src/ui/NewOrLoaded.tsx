import type { ReactNode } from 'react';
import { ErrorAlert } from './ErrorAlert';
import { Loading } from './Loading';

/**
 * The top of a form page that makes a record or changes one: without an id in the address the form starts empty;
 * with one, the record is loaded first (a spinner, or the error) and handed to the form. Key the form by the
 * record's id, so that its first values are the record's.
 */
export function NewOrLoaded<T>({
  id,
  query,
  children,
}: {
  id: string | undefined;
  query: { isPending: boolean; isError: boolean; error: unknown; data: T | undefined };
  children: (record?: T) => ReactNode;
}) {
  if (!id) return children();
  if (query.isPending) return <Loading />;
  if (query.isError || query.data === undefined) return <ErrorAlert error={query.error} />;
  return children(query.data);
}

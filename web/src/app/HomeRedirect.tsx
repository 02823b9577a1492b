import { Navigate } from '@tanstack/react-router';
import { pickTenant, useMe } from '../features/auth/api';
import { ErrorAlert } from '../ui/ErrorAlert';
import { Loading } from '../ui/Loading';

export function HomeRedirect() {
  const me = useMe();
  if (me.isPending) return <Loading minHeight={320} />;
  if (me.isError) return <ErrorAlert error={me.error} />;
  if (!me.data) return <Navigate to="/login" replace />;
  const slug = pickTenant(me.data);
  if (!slug) return <Navigate to="/login" replace />;
  return <Navigate to="/t/$tenant" params={{ tenant: slug }} replace />;
}

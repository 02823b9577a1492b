import { useNavigate } from '@tanstack/react-router';
import { useEffect } from 'react';
import { homeFor, useMe } from '../features/auth/api';
import { ErrorAlert } from '../ui/ErrorAlert';
import { Loading } from '../ui/Loading';

/** `/`: a new password first if one is due, then the person's tenant, the platform admin's tenant list, or the login. */
export function HomeRedirect() {
  const me = useMe();
  const navigate = useNavigate();
  const target = me.isPending || me.isError ? null : ((me.data && homeFor(me.data)) ?? '/login');
  useEffect(() => {
    if (target) void navigate({ href: target, replace: true });
  }, [target, navigate]);
  if (me.isError) return <ErrorAlert error={me.error} />;
  return <Loading minHeight={320} />;
}

import { useNavigate } from '@tanstack/react-router';
import { useEffect, useRef } from 'react';
import { Loading } from '../../ui/Loading';

/**
 * Sends a logged-out visitor to the login page once, remembering where they were going.
 * (A `<Navigate search={{…}}>` re-navigates on every render because its props are a new object each
 * time; with the tenant layout re-rendering on each navigation, that looped until the tab froze.)
 */
export function RedirectToLogin({ tenant, next }: { tenant?: string; next?: string }) {
  const navigate = useNavigate();
  const done = useRef(false);
  useEffect(() => {
    if (done.current) return;
    done.current = true;
    void navigate({ to: '/login', search: { tenant, next: next?.startsWith('/t/') ? next : undefined }, replace: true });
  }, [navigate, tenant, next]);
  return <Loading minHeight={320} />;
}

/** Goes to another page once (see above for why not `<Navigate>`). */
export function RedirectTo({ href }: { href: string }) {
  const navigate = useNavigate();
  const done = useRef(false);
  useEffect(() => {
    if (done.current) return;
    done.current = true;
    void navigate({ href, replace: true });
  }, [navigate, href]);
  return <Loading minHeight={320} />;
}

import { createContext, useContext } from 'react';
import type { Me, TenantRole } from '../../../common/schemas';
import { permissionsOf } from '../../../common/permissions';

export type TenantWithRole = Me['tenants'][number];

export interface TenantContextValue {
  slug: string;
  tenant: TenantWithRole;
  me: Me;
  role: TenantRole;
}

export const TenantContext = createContext<TenantContextValue | null>(null);

export function useTenant(): TenantContextValue {
  const v = useContext(TenantContext);
  if (!v) throw new Error('useTenant outside a tenant route');
  return v;
}

/**
 * What each role may do: common/permissions.ts, the table the API's route declarations are built
 * from (and a server test holds them to it). Hide every button, menu item and form behind it.
 */
export function permissions(role: TenantRole) {
  return permissionsOf(role);
}

export function usePermissions() {
  return permissions(useTenant().role);
}

import { createContext, useContext } from 'react';
import type { Me, TenantRole } from '../../../common/schemas';

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

/** What each role may do (mirrors docs/API.md). */
export function permissions(role: TenantRole) {
  const admin = role === 'admin';
  const officer = admin || role === 'officer';
  const editor = officer || role === 'coordinator';
  return {
    createNetwork: officer,
    editNetwork: editor,
    deleteNetwork: admin,
    manageMembers: editor,
    editPartner: editor,
    deletePartner: officer,
    exportData: editor,
    importPartners: officer,
    editRelationships: editor,
    manageUsers: admin,
    viewAudit: admin,
    // the dashboard's recent activity (server: platform admin, admin, officer)
    seeRecentActivity: officer,
    // knowledge management: editors write items, forums and files; officers delete (server: editors / officers)
    editKnowledge: editor,
    deleteKnowledge: officer,
    editForum: editor,
    deleteForum: officer,
    // budget lines: editors add and change them, officers delete unbooked ones (server: editors / officers)
    editBudgetLine: editor,
    deleteBudgetLine: officer,
    // the ledger: editors record transactions (server: editors); members only read
    recordTransaction: editor,
  };
}

export function usePermissions() {
  return permissions(useTenant().role);
}

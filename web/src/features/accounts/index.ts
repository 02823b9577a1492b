/** What other features use of accounts (invitations, reset links, tenants): import it from '../accounts', never its files. */
export { useAdminTenants, useCreateTenant, useInvitations, useInvite, useResetLink, useRevokeInvitation } from './api';
export { CopyLink } from './CopyLink';

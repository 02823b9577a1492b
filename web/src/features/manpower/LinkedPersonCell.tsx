import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { TenantUser } from '../../../../common/schemas';
import { api, tenantPath } from '../../api/client';
import { useTenant } from '../../context/tenant';
import { errorText } from '../../ui/ErrorAlert';
import { usePartner } from '../partners';
import { PersonSelect } from './parts';
import './i18n';

/**
 * The registry person a user account belongs to (member self-service: "my networks, teams, tasks,
 * hours"). Shown in the users list; changing it PATCHes the membership's partyId.
 */
export function LinkedPersonCell({ user }: { user: TenantUser }) {
  const { t } = useTranslation();
  const { slug } = useTenant();
  const qc = useQueryClient();
  const linked = usePartner(slug, user.partyId ?? '');
  const link = useMutation({
    mutationFn: (partyId: string | null) => api<TenantUser>(tenantPath(slug, `/users/${user.id}`), { method: 'PATCH', body: { partyId } }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['t', slug, 'users'] }),
  });
  if (user.partyId && linked.isPending) return null;
  return (
    <PersonSelect
      label={t('manpower.linkedPerson', { name: user.name })}
      value={user.partyId}
      initial={linked.data ? { id: linked.data.id, name: linked.data.name } : null}
      onChange={(id) =>
        link.mutate(id, {
          onSuccess: () => notifications.show({ color: 'teal', message: t('manpower.linkedSaved', { name: user.name }) }),
          onError: (err) => notifications.show({ color: 'red', message: errorText(err, t) }),
        })
      }
      labelHidden
    />
  );
}

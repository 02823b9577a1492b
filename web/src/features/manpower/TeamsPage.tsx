import { Badge, Button, Group } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useListAddress } from '../../context/search';
import { usePermissions, useTenant } from '../../context/tenant';
import { PillarBadge } from '../../ui/badges';
import { formatNumber } from '../../ui/format';
import { useLang } from '../../ui/hooks';
import { AnchorLink } from '../../ui/links';
import { FilterGrid } from '../../ui/ListFilters';
import { ListPage } from '../../ui/ListPage';
import { PAGE_SIZE, useTeams } from './api';
import { ManpowerTabs } from './parts';
import { TeamModal } from './TeamModal';
import './i18n';

export default function TeamsPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const { slug } = useTenant();
  const can = usePermissions();
  const navigate = useNavigate();
  const address = useListAddress('/t/$tenant/teams');
  const { search, page } = address;
  const [creating, setCreating] = useState(false);
  const teams = useTeams(slug, { q: search.q, page, pageSize: PAGE_SIZE });
  return (
    <ListPage
      title={t('manpower.teams.title')}
      subtitle={t('manpower.teams.subtitle')}
      actions={
        can.editTeam ? (
          <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setCreating(true)} data-testid="team-new">
            {t('manpower.teams.new')}
          </Button>
        ) : null
      }
      above={<ManpowerTabs />}
      filters={<FilterGrid address={address} search={{ label: t('common.search') }} />}
      query={teams}
      paging={address}
      pageSize={PAGE_SIZE}
      rowKey={(x) => x.id}
      caption={t('manpower.teams.title')}
      testId="teams-list"
      columns={[
        {
          key: 'name',
          header: t('manpower.teams.name'),
          primary: true,
          render: (x) => (
            <AnchorLink to="/t/$tenant/teams/$id" params={{ tenant: slug, id: x.id }}>
              {x.name}
            </AnchorLink>
          ),
        },
        { key: 'lead', header: t('manpower.teams.lead'), render: (x) => x.lead?.name ?? '—' },
        { key: 'members', header: t('manpower.teams.memberCount'), align: 'right', render: (x) => formatNumber(x.memberCount, lang) },
        {
          key: 'networks',
          header: t('manpower.teams.networks'),
          render: (x) => (
            <Group gap={4} wrap="wrap">
              {x.networks.map((n) => (
                <Badge key={n.id} variant="light" color="gray" style={{ textTransform: 'none', maxWidth: '100%' }}>
                  {n.name}
                </Badge>
              ))}
            </Group>
          ),
        },
        {
          key: 'pillars',
          header: t('manpower.teams.pillars'),
          render: (x) => (
            <Group gap={4}>
              {[...new Set(x.networks.map((n) => n.pillar))].map((p) => (
                <PillarBadge key={p} pillar={p} />
              ))}
            </Group>
          ),
        },
      ]}
    >
      <TeamModal
        opened={creating}
        onClose={() => setCreating(false)}
        onSaved={(team) => void navigate({ to: '/t/$tenant/teams/$id', params: { tenant: slug, id: team.id } })}
      />
    </ListPage>
  );
}

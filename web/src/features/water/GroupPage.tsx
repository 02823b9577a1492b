import { Group, Stack, Text } from '@mantine/core';
import { useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useTenant } from '../../context/tenant';
import { DataView } from '../../ui/DataView';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { formatNumber } from '../../ui/format';
import { useLang } from '../../ui/hooks';
import { AnchorLink } from '../../ui/links';
import { Loading } from '../../ui/Loading';
import { PageHeader } from '../../ui/PageHeader';
import { useGroup } from './api';
import { DutySection } from './MaintenancePage';
import { ZoneBadge } from './parts';
import './i18n';

export default function GroupPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const { slug } = useTenant();
  const { id } = useParams({ from: '/t/$tenant/water/groups/$id' });
  const group = useGroup(slug, id);
  if (group.isPending) return <Loading />;
  if (group.isError) return <ErrorAlert error={group.error} />;
  const g = group.data;
  return (
    <Stack gap="md">
      <PageHeader title={g.name} subtitle={`${t('water.takesFrom')} ${g.source.name}`} badges={<ZoneBadge zone={g.zone} />} />
      <Group gap="xl">
        <Text>
          {t('water.members')}: <b>{formatNumber(g.memberCount, lang)}</b>
        </Text>
        <Text>
          {t('water.irrigatedRai')}: <b>{formatNumber(g.irrigatedRai, lang)}</b>
        </Text>
      </Group>
      <DataView
        rows={g.members}
        rowKey={(m) => m.partyId}
        caption={t('water.members')}
        testId="group-members"
        empty={t('water.noMembers')}
        columns={[
          {
            key: 'name',
            header: t('water.member'),
            primary: true,
            render: (m) => (
              <AnchorLink to="/t/$tenant/partners/$id" params={{ tenant: slug, id: m.partyId }}>
                {m.name}
              </AnchorLink>
            ),
          },
          { key: 'role', header: t('water.roleLabel'), render: (m) => t(`water.role.${m.role}`) },
          { key: 'plot', header: t('water.plot'), render: (m) => m.plot ?? '–' },
          { key: 'phone', header: t('water.phone'), render: (m) => m.phone ?? '–' },
          { key: 'rai', header: t('water.irrigatedRai'), align: 'right', render: (m) => formatNumber(m.irrigatedRai, lang) },
        ]}
      />
      <DutySection groupId={g.id} />
    </Stack>
  );
}

import { Badge, Button, Group } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useListAddress } from '../../context/search';
import { useTenant } from '../../context/tenant';
import { formatDate } from '../../ui/dates';
import { formatNumber } from '../../ui/format';
import { useLang } from '../../ui/hooks';
import { AnchorLink } from '../../ui/links';
import { FilterGrid } from '../../ui/ListFilters';
import { ListPage } from '../../ui/ListPage';
import { PAGE_SIZE, useCommitteeRights, useCommittees } from './api';
import { CommitteeModal } from './CommitteeModal';
import './i18n';

export default function CommitteesPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const { slug } = useTenant();
  const rights = useCommitteeRights();
  const navigate = useNavigate();
  const address = useListAddress('/t/$tenant/committees');
  const { search, page } = address;
  const [creating, setCreating] = useState(false);
  const list = useCommittees(slug, { q: search.q, page, pageSize: PAGE_SIZE });
  return (
    <ListPage
      title={t('committees.title')}
      subtitle={t('committees.subtitle')}
      actions={
        rights.manage ? (
          <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setCreating(true)} data-testid="committee-new">
            {t('committees.new')}
          </Button>
        ) : null
      }
      filters={<FilterGrid address={address} search={{ label: t('common.search') }} />}
      query={list}
      paging={address}
      pageSize={PAGE_SIZE}
      rowKey={(c) => c.id}
      caption={t('committees.title')}
      testId="committees-list"
      columns={[
        {
          key: 'name',
          header: t('committees.name'),
          primary: true,
          render: (c) => (
            <AnchorLink to="/t/$tenant/committees/$id" params={{ tenant: slug, id: c.id }}>
              {c.name}
            </AnchorLink>
          ),
        },
        { key: 'kind', header: t('committees.kind.label'), render: (c) => t(`committees.kind.${c.kind}`) },
        {
          key: 'networks',
          header: t('committees.networks'),
          render: (c) => (
            <Group gap={4}>
              {c.networks.map((n) => (
                <Badge key={n.id} variant="light" color="grape" style={{ textTransform: 'none', maxWidth: '100%' }}>
                  {n.name}
                </Badge>
              ))}
            </Group>
          ),
        },
        { key: 'members', header: t('committees.membersInOffice'), align: 'right', render: (c) => formatNumber(c.membersInOffice, lang) },
        { key: 'meetings', header: t('committees.meetingCount'), align: 'right', render: (c) => formatNumber(c.meetingCount, lang) },
        { key: 'last', header: t('committees.lastMeeting'), render: (c) => formatDate(c.lastMeetingDate, lang) || '—' },
      ]}
    >
      <CommitteeModal
        opened={creating}
        onClose={() => setCreating(false)}
        onSaved={(c) => void navigate({ to: '/t/$tenant/committees/$id', params: { tenant: slug, id: c.id } })}
      />
    </ListPage>
  );
}

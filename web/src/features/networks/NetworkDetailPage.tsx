import { ActionIcon, Badge, Button, Group, Stack, Stepper, Text, Timeline, Title, VisuallyHidden } from '@mantine/core';
import { IconBook, IconEdit, IconFlag, IconPencil, IconPlus, IconPresentation, IconUserMinus } from '@tabler/icons-react';
import { useNavigate, useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { NetworkMember } from '../../../../common/schemas';
import { STAGES } from '../../../../common/schemas/enums';
import { usePermissions, useTenant } from '../../context/tenant';
import { PillarBadge, StageBadge } from '../../ui/badges';
import { ConfirmRemoval, DeleteRecordButton } from '../../ui/ConfirmDialog';
import type { Column } from '../../ui/DataView';
import { formatDate } from '../../ui/dates';
import { enumLabel } from '../../ui/enums';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { Field, FieldGrid } from '../../ui/Fields';
import { useIsDesktop, useLang } from '../../ui/hooks';
import { AnchorLink, ButtonLink } from '../../ui/links';
import { Loading } from '../../ui/Loading';
import { PageHeader } from '../../ui/PageHeader';
import { PagedList } from '../../ui/ListPage';
import { SectionCard } from '../../ui/SectionCard';
import { useDeleteNetwork, useNetwork, useNetworkMembers, useRemoveMember } from './api';
import { MemberModal } from './MemberModal';
import { NetworkContinuityCard } from '../plans';

const MEMBERS_PAGE = 50;

export default function NetworkDetailPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const desktop = useIsDesktop();
  const { slug } = useTenant();
  const can = usePermissions();
  const { id } = useParams({ from: '/t/$tenant/networks/$id' });
  const navigate = useNavigate();
  const q = useNetwork(slug, id);
  const [memberPage, setMemberPage] = useState(1);
  const members = useNetworkMembers(slug, id, { page: memberPage, pageSize: MEMBERS_PAGE });
  const remove = useRemoveMember(slug, id);
  const del = useDeleteNetwork(slug);
  const [memberModal, setMemberModal] = useState<{ open: boolean; member: NetworkMember | null }>({ open: false, member: null });
  const [removing, setRemoving] = useState<NetworkMember | null>(null);

  if (q.isPending) return <Loading />;
  if (q.isError) return <ErrorAlert error={q.error} />;
  const n = q.data;
  const stageIndex = STAGES.indexOf(n.stage);
  // Newest first; the server lists oldest first, so reverse before the (stable) sort keeps same-day changes in order.
  const history = [...n.stageHistory].reverse().sort((a, b) => (a.changedOn < b.changedOn ? 1 : a.changedOn > b.changedOn ? -1 : 0));

  const memberColumns: Column<NetworkMember>[] = [
    {
      key: 'name',
      header: t('members.partner'),
      primary: true,
      render: (m) => (
        <AnchorLink to="/t/$tenant/partners/$id" params={{ tenant: slug, id: m.party.id }}>
          {m.party.name}
        </AnchorLink>
      ),
    },
    { key: 'kind', header: t('partner.kind'), render: (m) => enumLabel(t, 'kind', m.party.kind), nowrap: true },
    { key: 'sector', header: t('partner.sector'), render: (m) => enumLabel(t, 'sector', m.party.sector) },
    {
      key: 'role',
      header: t('members.role'),
      render: (m) => <Badge color={m.role === 'coordinator' ? 'teal' : 'gray'}>{enumLabel(t, 'memberRole', m.role)}</Badge>,
      nowrap: true,
    },
    { key: 'start', header: t('members.startDate'), render: (m) => formatDate(m.startDate, lang) || '—', nowrap: true },
    { key: 'end', header: t('members.endDate'), render: (m) => formatDate(m.endDate, lang) || '—', nowrap: true },
  ];
  if (can.manageMembers) {
    memberColumns.push({
      key: 'actions',
      header: t('common.actions'),
      hideOnCard: true,
      nowrap: true,
      render: (m) => (
        <Group gap={4} wrap="nowrap">
          <ActionIcon
            variant="subtle"
            color="gray"
            onClick={() => setMemberModal({ open: true, member: m })}
            aria-label={t('members.editAria', { name: m.party.name })}
          >
            <IconPencil size={18} aria-hidden />
          </ActionIcon>
          <ActionIcon variant="subtle" color="red" onClick={() => setRemoving(m)} aria-label={t('members.removeAria', { name: m.party.name })}>
            <IconUserMinus size={18} aria-hidden />
          </ActionIcon>
        </Group>
      ),
    });
  }

  return (
    <Stack gap="lg">
      <PageHeader
        title={n.name}
        subtitle={n.nameEn ? <span lang="en">{n.nameEn}</span> : undefined}
        badges={
          <>
            <PillarBadge pillar={n.pillar} />
            <StageBadge stage={n.stage} />
          </>
        }
        actions={
          <>
            <ButtonLink
              to="/t/$tenant/knowledge"
              params={{ tenant: slug }}
              search={{ networkId: n.id }}
              variant="default"
              leftSection={<IconBook size={16} aria-hidden />}
            >
              {t('networks.knowledge')}
            </ButtonLink>
            <ButtonLink
              to="/t/$tenant/forums"
              params={{ tenant: slug }}
              search={{ networkId: n.id }}
              variant="default"
              leftSection={<IconPresentation size={16} aria-hidden />}
            >
              {t('networks.forums')}
            </ButtonLink>
            {can.editNetwork ? (
              <ButtonLink to="/t/$tenant/networks/$id/edit" params={{ tenant: slug, id: n.id }} leftSection={<IconEdit size={16} aria-hidden />}>
                {t('common.edit')}
              </ButtonLink>
            ) : null}
            {can.deleteNetwork ? (
              <DeleteRecordButton
                title={t('networks.deleteTitle')}
                message={t('networks.deleteConfirm', { name: n.name })}
                id={n.id}
                mutation={del}
                doneMessage={t('networks.deleted')}
                onDone={() => void navigate({ to: '/t/$tenant/networks', params: { tenant: slug } })}
              />
            ) : null}
          </>
        }
      />

      <SectionCard title={t('network.stageProgress')} gap="md">
        <Stepper active={stageIndex} orientation={desktop ? 'horizontal' : 'vertical'} size="sm" allowNextStepsSelect={false} iconSize={32} mb="lg">
          {STAGES.map((s, i) => (
            <Stepper.Step key={s} label={enumLabel(t, 'stage', s)} description={t(`stageHint.${s}`)} aria-current={i === stageIndex ? 'step' : undefined} />
          ))}
        </Stepper>
        <Title order={3} size="h4" mb="sm">
          {t('network.stageHistory')}
        </Title>
        {history.length === 0 ? (
          <Text c="dimmed">{t('network.noStageHistory')}</Text>
        ) : (
          <Timeline bulletSize={22} lineWidth={2} active={0}>
            {history.map((h) => (
              <Timeline.Item
                key={h.id}
                bullet={<IconFlag size={12} aria-hidden />}
                title={
                  h.fromStage
                    ? `${enumLabel(t, 'stage', h.fromStage)} → ${enumLabel(t, 'stage', h.toStage)}`
                    : t('network.startedAt', { stage: enumLabel(t, 'stage', h.toStage) })
                }
              >
                <Text size="sm">
                  <time dateTime={h.changedOn}>{formatDate(h.changedOn, lang, 'long')}</time>
                  {h.changedBy ? ` · ${t('network.changedBy', { name: h.changedBy })}` : ''}
                </Text>
                {h.note ? (
                  <Text size="sm" mt={4} style={{ whiteSpace: 'pre-wrap' }}>
                    {h.note}
                  </Text>
                ) : null}
              </Timeline.Item>
            ))}
          </Timeline>
        )}
      </SectionCard>

      <SectionCard title={t('network.details')} gap="md">
        <FieldGrid>
          <Field label={t('network.name')}>{n.name}</Field>
          <Field label={t('network.nameEn')}>{n.nameEn ? <span lang="en">{n.nameEn}</span> : null}</Field>
          <Field label={t('network.pillar')}>{enumLabel(t, 'pillar', n.pillar)}</Field>
          <Field label={t('network.stage')}>{enumLabel(t, 'stage', n.stage)}</Field>
          <Field label={t('network.issues')}>
            {n.issues.length ? (
              <Group gap={4}>
                {n.issues.map((i) => (
                  <Badge key={i} color="blue">
                    {enumLabel(t, 'issue', i)}
                  </Badge>
                ))}
              </Group>
            ) : null}
          </Field>
          <Field label={t('network.tags')}>
            {n.tags.length ? (
              <Group gap={4}>
                {n.tags.map((tag) => (
                  <Badge key={tag} color="gray" variant="outline">
                    {tag}
                  </Badge>
                ))}
              </Group>
            ) : null}
          </Field>
          <Field label={t('network.foundedOn')}>{formatDate(n.foundedOn, lang, 'long')}</Field>
          <Field label={t('network.coordinator')}>
            {n.coordinator ? (
              <AnchorLink to="/t/$tenant/partners/$id" params={{ tenant: slug, id: n.coordinator.id }}>
                {n.coordinator.name}
              </AnchorLink>
            ) : null}
          </Field>
          <Field label={t('network.description')} span>
            {n.description ? <Text style={{ whiteSpace: 'pre-wrap' }}>{n.description}</Text> : null}
          </Field>
          <Field label={t('common.createdAt')}>{formatDate(n.createdAt, lang)}</Field>
          <Field label={t('common.updatedAt')}>{formatDate(n.updatedAt, lang)}</Field>
        </FieldGrid>
      </SectionCard>

      <NetworkContinuityCard networkId={n.id} />

      <SectionCard
        title={`${t('members.title')} (${n.memberCount})`}
        gap="md"
        actions={
          can.manageMembers ? (
            <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setMemberModal({ open: true, member: null })} data-testid="add-member">
              {t('members.add')}
            </Button>
          ) : null
        }
      >
        <PagedList
          query={members}
          page={memberPage}
          pageSize={MEMBERS_PAGE}
          onPage={setMemberPage}
          columns={memberColumns}
          rowKey={(m) => m.id}
          caption={t('members.title')}
          empty={t('members.empty')}
          testId="members-list"
          cardActions={
            can.manageMembers
              ? (m) => (
                  <>
                    <Button
                      size="xs"
                      variant="default"
                      leftSection={<IconPencil size={14} aria-hidden />}
                      onClick={() => setMemberModal({ open: true, member: m })}
                    >
                      {t('common.edit')}
                      <VisuallyHidden> {m.party.name}</VisuallyHidden>
                    </Button>
                    <Button size="xs" variant="outline" color="red" leftSection={<IconUserMinus size={14} aria-hidden />} onClick={() => setRemoving(m)}>
                      {t('members.remove')}
                      <VisuallyHidden> {m.party.name}</VisuallyHidden>
                    </Button>
                  </>
                )
              : undefined
          }
        />
      </SectionCard>

      <MemberModal
        tenant={slug}
        networkId={n.id}
        opened={memberModal.open}
        member={memberModal.member}
        existingPartyIds={(members.data?.items ?? []).map((m) => m.party.id)}
        onClose={() => setMemberModal({ open: false, member: null })}
      />
      <ConfirmRemoval
        opened={!!removing}
        title={t('members.removeTitle')}
        message={t('members.removeConfirm', { name: removing?.party.name ?? '', network: n.name })}
        confirmLabel={t('members.remove')}
        id={removing?.id}
        mutation={remove}
        doneMessage={t('members.removed')}
        onDone={() => setRemoving(null)}
        onClose={() => setRemoving(null)}
      />
    </Stack>
  );
}

import { Anchor, Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconEdit, IconLinkPlus, IconTrash } from '@tabler/icons-react';
import { useNavigate, useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { PartyDetail, Relationship } from '../../../../common/schemas';
import { usePermissions, useTenant } from '../../context/tenant';
import { PillarBadge } from '../../ui/badges';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { type Column, DataView } from '../../ui/DataView';
import { formatDate } from '../../ui/dates';
import { enumLabel } from '../../ui/enums';
import { ErrorAlert, errorText } from '../../ui/ErrorAlert';
import { Field, FieldGrid } from '../../ui/Fields';
import { useLang } from '../../ui/hooks';
import { AnchorLink, ButtonLink } from '../../ui/links';
import { Loading } from '../../ui/Loading';
import { PageHeader } from '../../ui/PageHeader';
import { formatThaiAddress } from '../../ui/thai';
import { useDeletePartner, usePartner } from './api';
import { useRelationshipColumns } from './relationshipColumns';
import { RelationshipModal } from './RelationshipModal';
import { PersonPrivacyCard } from '../privacy';
import { PersonSkillsCard } from '../manpower';

type NetworkRow = PartyDetail['networks'][number];

function safeUrl(url: string): string | null {
  const withScheme = /^https?:\/\//i.test(url) ? url : `https://${url}`;
  try {
    const u = new URL(withScheme);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}

export default function PartnerDetailPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const { slug } = useTenant();
  const can = usePermissions();
  const navigate = useNavigate();
  const { id } = useParams({ from: '/t/$tenant/partners/$id' });
  const q = usePartner(slug, id);
  const del = useDeletePartner(slug);
  const relTail = useRelationshipColumns();
  const [relOpen, relHandlers] = useDisclosure(false);
  const [deleteOpen, deleteHandlers] = useDisclosure(false);

  if (q.isPending) return <Loading />;
  if (q.isError) return <ErrorAlert error={q.error} />;
  const p = q.data;
  const person = p.kind === 'person';
  const website = p.website ? safeUrl(p.website) : null;

  const networkColumns: Column<NetworkRow>[] = [
    {
      key: 'name',
      header: t('network.name'),
      primary: true,
      render: (n) => (
        <AnchorLink to="/t/$tenant/networks/$id" params={{ tenant: slug, id: n.networkId }}>
          {n.name}
        </AnchorLink>
      ),
    },
    { key: 'role', header: t('members.role'), render: (n) => enumLabel(t, 'memberRole', n.role), nowrap: true },
    { key: 'start', header: t('members.startDate'), render: (n) => formatDate(n.startDate, lang) || '—', nowrap: true },
    { key: 'end', header: t('members.endDate'), render: (n) => formatDate(n.endDate, lang) || '—', nowrap: true },
  ];

  const relColumns: Column<Relationship>[] = [
    {
      key: 'other',
      header: t('relationships.otherParty'),
      primary: true,
      render: (r) => {
        const other = r.from.id === p.id ? r.to : r.from;
        return (
          <AnchorLink to="/t/$tenant/partners/$id" params={{ tenant: slug, id: other.id }}>
            {other.name}
          </AnchorLink>
        );
      },
    },
    {
      key: 'type',
      header: t('relationships.type'),
      render: (r) => (
        <Text size="sm">
          {r.from.name} <b>{enumLabel(t, 'relationshipType', r.type)}</b> {r.to.name}
        </Text>
      ),
    },
    ...relTail.columns,
  ];

  return (
    <Stack gap="lg">
      <PageHeader
        title={p.name}
        subtitle={p.nameEn ? <span lang="en">{p.nameEn}</span> : undefined}
        badges={
          <>
            <Badge color="gray">{enumLabel(t, 'kind', p.kind)}</Badge>
            <Badge color="indigo">{enumLabel(t, 'sector', p.sector)}</Badge>
            <PillarBadge pillar={p.pillar} />
          </>
        }
        actions={
          <>
            {can.editPartner ? (
              <ButtonLink to="/t/$tenant/partners/$id/edit" params={{ tenant: slug, id: p.id }} leftSection={<IconEdit size={16} aria-hidden />}>
                {t('common.edit')}
              </ButtonLink>
            ) : null}
            {can.deletePartner ? (
              <Button variant="outline" color="red" leftSection={<IconTrash size={16} aria-hidden />} onClick={deleteHandlers.open}>
                {t('common.delete')}
              </Button>
            ) : null}
          </>
        }
      />

      <Card withBorder radius="md" component="section" aria-labelledby="pd-details">
        <Title order={2} size="h3" id="pd-details" mb="md">
          {t('partner.details')}
        </Title>
        <FieldGrid>
          <Field label={t('partner.kind')}>{enumLabel(t, 'kind', p.kind)}</Field>
          <Field label={t('partner.name')}>{p.name}</Field>
          <Field label={t('partner.nameEn')}>{p.nameEn ? <span lang="en">{p.nameEn}</span> : null}</Field>
          <Field label={t('partner.sector')}>{enumLabel(t, 'sector', p.sector)}</Field>
          <Field label={t('partner.pillar')}>{enumLabel(t, 'pillar', p.pillar)}</Field>
          {person ? (
            <>
              <Field label={t('partner.position')}>{p.position}</Field>
              <Field label={t('partner.citizenId')}>{p.citizenId ? <span data-testid="citizen-id">{p.citizenId}</span> : null}</Field>
            </>
          ) : (
            <Field label={t('partner.orgType')}>{p.orgType ? enumLabel(t, 'orgType', p.orgType) : null}</Field>
          )}
          <Field label={t('partner.address')} span>
            {formatThaiAddress(p.address)}
          </Field>
          <Field label={t('partner.phone')}>
            {p.phone && !p.phone.includes('x') ? <Anchor href={`tel:${p.phone.replace(/[^\d+]/g, '')}`}>{p.phone}</Anchor> : p.phone}
          </Field>
          <Field label={t('partner.email')}>{p.email && !p.email.includes('***') ? <Anchor href={`mailto:${p.email}`}>{p.email}</Anchor> : p.email}</Field>
          <Field label={t('partner.lineId')}>{p.lineId}</Field>
          <Field label={t('partner.website')}>
            {website ? (
              <Anchor href={website} target="_blank" rel="noopener noreferrer">
                {p.website}
              </Anchor>
            ) : (
              p.website
            )}
          </Field>
          <Field label={t('partner.note')} span>
            {p.note ? <Text style={{ whiteSpace: 'pre-wrap' }}>{p.note}</Text> : null}
          </Field>
          <Field label={t('common.createdAt')}>{formatDate(p.createdAt, lang)}</Field>
          <Field label={t('common.updatedAt')}>{formatDate(p.updatedAt, lang)}</Field>
        </FieldGrid>
      </Card>

      {/* the registry's one consent field (imports); people's consent records are in the PDPA card below */}
      {p.consent || !person || !can.keepConsents ? (
        <Card withBorder radius="md" component="section" aria-labelledby="pd-consent">
          <Title order={2} size="h3" id="pd-consent" mb="md">
            {t('consent.title')}
          </Title>
          {p.consent ? (
            <FieldGrid cols={{ base: 1, sm: 3 }}>
              <Field label={t('consent.purpose')}>{p.consent.purpose}</Field>
              <Field label={t('consent.lawfulBasis')}>{enumLabel(t, 'lawfulBasis', p.consent.lawfulBasis)}</Field>
              <Field label={t('consent.date')}>{formatDate(p.consent.date, lang, 'long')}</Field>
            </FieldGrid>
          ) : (
            <Text c="dimmed">{t('consent.none')}</Text>
          )}
        </Card>
      ) : null}

      {person ? <PersonSkillsCard partyId={p.id} canEdit={can.editPartner} /> : null}
      {person ? <PersonPrivacyCard partyId={p.id} name={p.name} /> : null}

      <Card withBorder radius="md" component="section" aria-labelledby="pd-networks">
        <Title order={2} size="h3" id="pd-networks" mb="md">
          {t('partner.networks')} ({p.networks.length})
        </Title>
        <DataView
          rows={p.networks}
          columns={networkColumns}
          rowKey={(n) => `${n.networkId}:${n.role}:${n.startDate ?? ''}`}
          caption={t('partner.networks')}
          empty={t('partner.noNetworks')}
        />
      </Card>

      <Card withBorder radius="md" component="section" aria-labelledby="pd-rels">
        <Group justify="space-between" mb="md" wrap="wrap" gap="sm">
          <Title order={2} size="h3" id="pd-rels">
            {t('relationships.title')} ({p.relationships.length})
          </Title>
          {can.editRelationships ? (
            <Button leftSection={<IconLinkPlus size={16} aria-hidden />} onClick={relHandlers.open} data-testid="add-relationship">
              {t('relationships.add')}
            </Button>
          ) : null}
        </Group>
        <DataView rows={p.relationships} columns={relColumns} rowKey={(r) => r.id} caption={t('relationships.title')} empty={t('relationships.empty')} />
      </Card>

      <RelationshipModal tenant={slug} party={{ id: p.id, name: p.name }} opened={relOpen} onClose={relHandlers.close} />
      {relTail.dialog}
      <ConfirmDialog
        opened={deleteOpen}
        title={t('partners.deleteTitle')}
        message={t('partners.deleteConfirm', { name: p.name })}
        loading={del.isPending}
        onClose={deleteHandlers.close}
        onConfirm={() =>
          del.mutate(p.id, {
            onSuccess: () => {
              notifications.show({ color: 'teal', message: t('partners.deleted') });
              void navigate({ to: '/t/$tenant/partners', params: { tenant: slug } });
            },
            onError: (err) => notifications.show({ color: 'red', message: errorText(err, t) }),
          })
        }
      />
    </Stack>
  );
}

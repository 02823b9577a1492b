import { Badge, Button, Group, NumberInput, Paper, Select, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EditionKind, LocalGovernmentEntry, SharedProject } from '../../../../common/schemas/localplans';
import { EDITION_KINDS } from '../../../../common/schemas/localplans';
import { formatBaht } from '../../../../common/thai/money';
import { useTenant } from '../../context/tenant';
import { DateField } from '../../ui/DateField';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { useLang } from '../../ui/hooks';
import { fieldErrorsOf } from '../../ui/serverErrors';
import { useLocalGovernments, useLocalPlanRights, useLocalPlanWrite, useSharedProjects } from './api';
import { PlanFormModal } from './PlanForms';
import { StatusBadge, useEditionLabel } from './parts';
import { NEXT, StepButtons } from './Status';
import './i18n';

/**
 * This local government's copies of projects other Phakhi tenants assigned to it (docs/decisions/0016), and the status
 * it records for each; the status travels back to the owner of the joint plan.
 */
export function SharedProjects() {
  const { t } = useTranslation();
  const lang = useLang();
  const { slug } = useTenant();
  const rights = useLocalPlanRights();
  const list = useSharedProjects(slug);
  const editionLabel = useEditionLabel();
  const [integrating, setIntegrating] = useState<SharedProject | null>(null);
  if (!list.data?.length) return null;
  return (
    <Stack gap="sm" data-testid="shared-projects">
      <Title order={3}>{t('localPlans.shared.title')}</Title>
      <Text size="sm" c="dimmed">
        {t('localPlans.shared.hint')}
      </Text>
      {list.data.map((p) => (
        <Paper key={p.id} withBorder p="sm" radius="md" data-testid="shared-project">
          <Stack gap={6}>
            <Text fw={600}>{p.content.project.name}</Text>
            <Text size="sm" c="dimmed">
              {t('localPlans.shared.from', { owner: p.content.owner.name, plan: p.content.jointPlan.name, year: p.content.jointPlan.fiscalYear })}
            </Text>
            <Group gap={4}>
              {p.withdrawn ? <Badge color="gray">{t('localPlans.shared.withdrawn')}</Badge> : <StatusBadge status={p.status} />}
              {p.edition ? <Text size="xs">{editionLabel(p.edition)}</Text> : null}
            </Group>
            <Text size="sm">
              {p.content.strategy} · {p.content.programme}
            </Text>
            <Text size="sm">
              {p.content.shares.map((s) => `${s.year}: ${formatBaht(s.budgetSatang, lang)}`).join(' · ')} (
              {t('localPlans.shared.total', { total: formatBaht(p.content.totalSatang, lang) })})
            </Text>
            {p.dropReason ? (
              <Text size="sm">
                {t('localPlans.dropReason')}: {p.dropReason}
              </Text>
            ) : null}
            {rights.manage && !p.withdrawn ? <SharedActions item={p} onIntegrate={() => setIntegrating(p)} /> : null}
          </Stack>
        </Paper>
      ))}
      <IntegrateModal item={integrating} onClose={() => setIntegrating(null)} />
    </Stack>
  );
}

function SharedActions({ item, onIntegrate }: { item: SharedProject; onIntegrate: () => void }) {
  const { slug } = useTenant();
  const set = useLocalPlanWrite<Record<string, unknown>, SharedProject>(slug, 'PATCH', () => `/shared/${item.id}`);
  const next = NEXT[item.status];
  if (!next) return null;
  return (
    <Stack gap={4}>
      <StepButtons
        next={next}
        pending={set.isPending}
        onNext={() => (next === 'integrated' ? onIntegrate() : set.mutate({ status: next }))}
        onDrop={(dropReason) => set.mutate({ status: 'dropped', dropReason })}
      />
      <ErrorAlert error={set.error} />
    </Stack>
  );
}

/** Integrating names the edition of this local government's own plan, as it numbers it. */
function IntegrateModal({ item, onClose }: { item: SharedProject | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { slug } = useTenant();
  const set = useLocalPlanWrite<Record<string, unknown>, SharedProject>(slug, 'PATCH', () => `/shared/${item?.id}`);
  const [kind, setKind] = useState<EditionKind>('addition');
  const [number, setNumber] = useState<number | string>(1);
  const [approvedOn, setApprovedOn] = useState<string | null>(null);
  const [act, setAct] = useState('');
  useEffect(() => {
    if (item) set.reset();
  }, [item]);
  const errors = fieldErrorsOf(set.error);
  return (
    <PlanFormModal
      opened={!!item}
      onClose={onClose}
      title={t('localPlans.shared.integrateTitle', { project: item?.content.project.name ?? '' })}
      onSubmit={() =>
        set.mutate(
          { status: 'integrated', edition: { kind, number: kind === 'original' ? 0 : Number(number) || 0, approvedOn, approvingAct: act } },
          { onSuccess: onClose },
        )
      }
      pending={set.isPending}
      error={set.error}
      testId="integrate-form"
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Select
          label={t('localPlans.form.editionKind')}
          data={EDITION_KINDS.map((k) => ({ value: k, label: t(`localPlans.editionKind.${k}`) }))}
          value={kind}
          onChange={(v) => v && setKind(v as EditionKind)}
          allowDeselect={false}
        />
        {kind !== 'original' ? (
          <NumberInput
            label={t('localPlans.form.editionNumber')}
            value={number}
            onChange={setNumber}
            min={1}
            max={99}
            allowDecimal={false}
            error={errors['edition.number']}
          />
        ) : null}
      </SimpleGrid>
      <DateField
        label={t('localPlans.edition.approvedOn')}
        value={approvedOn}
        onChange={setApprovedOn}
        error={errors['edition.approvedOn'] ?? errors.edition}
        required
      />
      <Textarea
        label={t('localPlans.edition.act')}
        placeholder={t('localPlans.form.actHint')}
        value={act}
        onChange={(e) => setAct(e.currentTarget.value)}
        error={errors['edition.approvingAct']}
        autosize
        minRows={2}
        required
      />
    </PlanFormModal>
  );
}

/** Admins: which partner local governments are Phakhi tenants themselves (their assignments are then sent there). */
export function TenantLinks() {
  const { t } = useTranslation();
  const { slug } = useTenant();
  const rights = useLocalPlanRights();
  const lgs = useLocalGovernments(slug);
  const [editing, setEditing] = useState<LocalGovernmentEntry | null>(null);
  const partners = (lgs.data ?? []).filter((l) => l.partyId);
  if (!rights.link || !partners.length) return null;
  return (
    <Stack gap="sm" data-testid="tenant-links">
      <Title order={3}>{t('localPlans.links.title')}</Title>
      <Text size="sm" c="dimmed">
        {t('localPlans.links.hint')}
      </Text>
      {partners.map((l) => (
        <Group key={l.partyId} justify="space-between" gap="xs" wrap="wrap">
          <div>
            <Text>{l.name}</Text>
            <Text size="sm" c="dimmed">
              {l.linkedTenant ? t('localPlans.links.linked', { name: l.linkedTenant.name, slug: l.linkedTenant.slug }) : t('localPlans.links.notLinked')}
            </Text>
          </div>
          <Button size="xs" variant="default" onClick={() => setEditing(l)}>
            {t('localPlans.links.edit')}
          </Button>
        </Group>
      ))}
      <LinkModal entry={editing} onClose={() => setEditing(null)} />
    </Stack>
  );
}

function LinkModal({ entry, onClose }: { entry: LocalGovernmentEntry | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { slug } = useTenant();
  const save = useLocalPlanWrite<{ tenantSlug: string | null }, LocalGovernmentEntry>(slug, 'PUT', () => `/local-governments/${entry?.partyId}/link`);
  const [value, setValue] = useState('');
  useEffect(() => {
    if (!entry) return;
    setValue(entry.linkedTenant?.slug ?? '');
    save.reset();
  }, [entry]);
  return (
    <PlanFormModal
      opened={!!entry}
      onClose={onClose}
      title={t('localPlans.links.title')}
      onSubmit={() => save.mutate({ tenantSlug: value.trim() || null }, { onSuccess: onClose })}
      pending={save.isPending}
      error={save.error}
      testId="link-form"
    >
      <Text fw={600}>{entry?.name}</Text>
      <TextInput
        label={t('localPlans.links.slug')}
        description={t('localPlans.links.slugHint')}
        value={value}
        onChange={(e) => setValue(e.currentTarget.value)}
        error={fieldErrorsOf(save.error).tenantSlug}
        maxLength={64}
      />
    </PlanFormModal>
  );
}

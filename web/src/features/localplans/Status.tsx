import { Button, Group, Modal, Select, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { IntegratedProject, IntegrationStatus, LocalPlanDetail } from '../../../../common/schemas/localplans';
import { useTenant } from '../../context/tenant';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { useIsDesktop } from '../../ui/hooks';
import { Loading } from '../../ui/Loading';
import { useLocalPlan, useSetStatus } from './api';
import { StatusBadge, useEditionLabel } from './parts';
import './i18n';

export const NEXT: Partial<Record<IntegrationStatus, IntegrationStatus>> = { proposed: 'integrated', integrated: 'in_budget', in_budget: 'done' };

/** A status step's buttons: on to the next status, or dropped with a reason (three letters at least). */
export function StepButtons({
  next,
  pending,
  nextDisabled,
  onNext,
  onDrop,
}: {
  next: IntegrationStatus;
  pending: boolean;
  nextDisabled?: boolean;
  onNext: () => void;
  onDrop: (reason: string) => void;
}) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  return (
    <Group gap={4}>
      <Button size="xs" variant="default" loading={pending} disabled={nextDisabled} onClick={onNext}>
        {t('localPlans.next', { status: t(`localPlans.status.${next}`) })}
      </Button>
      <TextInput
        size="xs"
        aria-label={t('localPlans.dropReason')}
        placeholder={t('localPlans.dropReason')}
        value={reason}
        onChange={(e) => setReason(e.currentTarget.value)}
      />
      <Button size="xs" variant="default" color="red" disabled={reason.trim().length < 3} onClick={() => onDrop(reason)}>
        {t('localPlans.drop')}
      </Button>
    </Group>
  );
}

/** The next step (integrating names the edition) or dropping with a reason; a linked neighbour records its own. */
export function StatusActions({ plan, item }: { plan: LocalPlanDetail; item: IntegratedProject }) {
  const { t } = useTranslation();
  const { slug } = useTenant();
  const editionLabel = useEditionLabel();
  const set = useSetStatus(slug, plan.id);
  const [editionId, setEditionId] = useState<string | null>(plan.editions.at(-1)?.id ?? null);
  const next = NEXT[item.status];
  if (plan.linkedTenant)
    return (
      <Text size="xs" c="dimmed">
        {t('localPlans.keptByNeighbour', { name: plan.linkedTenant.name })}
      </Text>
    );
  if (!next) return null;
  return (
    <Stack gap={4}>
      {next === 'integrated' ? (
        plan.editions.length ? (
          <Select
            size="xs"
            aria-label={t('localPlans.integrateInto')}
            data={plan.editions.map((e) => ({ value: e.id, label: editionLabel(e) }))}
            value={editionId}
            onChange={setEditionId}
          />
        ) : (
          <Text size="xs" c="dimmed">
            {t('localPlans.noEditionYet')}
          </Text>
        )
      ) : null}
      <StepButtons
        next={next}
        pending={set.isPending}
        nextDisabled={next === 'integrated' && !editionId}
        onNext={() => set.mutate({ itemId: item.id, status: next, editionId: editionId ?? undefined })}
        onDrop={(dropReason) => set.mutate({ itemId: item.id, status: 'dropped', dropReason })}
      />
      {set.isError ? <ErrorAlert error={set.error} /> : null}
    </Stack>
  );
}

/** From the board: one carrier's status, with the actions of its plan (loaded when opened). */
export function StatusModal({ item, onClose }: { item: IntegratedProject | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { slug } = useTenant();
  const desktop = useIsDesktop();
  const plan = useLocalPlan(slug, item?.localPlanId ?? '', !!item);
  const current = plan.data?.projects.find((p) => p.id === item?.id) ?? item;
  const editionLabel = useEditionLabel();
  return (
    <Modal
      opened={!!item}
      onClose={onClose}
      title={item ? `${item.localGovernment.name}: ${item.project.name}` : ''}
      closeButtonProps={{ 'aria-label': t('common.close') }}
      fullScreen={!desktop}
    >
      {current ? (
        <Stack data-testid="status-modal">
          <Group gap="xs">
            <StatusBadge status={current.status} />
            {current.edition ? <Text size="sm">{editionLabel(current.edition)}</Text> : null}
          </Group>
          {current.dropReason ? (
            <Text size="sm">
              {t('localPlans.dropReason')}: {current.dropReason}
            </Text>
          ) : null}
          {plan.data ? <StatusActions plan={plan.data} item={current} /> : <Loading />}
        </Stack>
      ) : null}
    </Modal>
  );
}

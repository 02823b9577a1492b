import { Alert, Button, Group, Paper, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCheck, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BudgetSettings, BudgetSettingsUpdate } from '../../../../common/schemas/budget';
import { formatBaht, formatBahtAmount, parseBahtToSatang } from '../../../../common/thai/money';
import { usePermissions, useTenant } from '../../context/tenant';
import { formatDateTime } from '../../ui/dates';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { errorWithoutFields, fieldErrorsOf } from '../../ui/serverErrors';
import { useLang } from '../../ui/hooks';
import { useDecideSettings, useSettings, useUpdateSettings } from './api';
import './i18n';

/**
 * The ledger's review thresholds for officers and admins: what is in force, a raise another officer has
 * yet to approve (approve/reject; the proposer may only withdraw), and — for admins — new values.
 * Lowering a threshold (more review) applies at once; raising it waits (server: budget settings routes).
 */
export function SettingsPanel() {
  const { t } = useTranslation();
  const { slug } = useTenant();
  const can = usePermissions();
  const q = useSettings(slug);
  // the mutations live here: a decision removes the proposal and a saved value re-keys the form, and
  // callbacks of an unmounted component's mutation would never run
  const decide = useDecideSettings(slug);
  const update = useUpdateSettings(slug);
  if (!can.changeBudgetSettings && !can.decideBudgetSettings) return null;
  if (q.error) return <ErrorAlert error={q.error} />;
  if (!q.data) return null;
  return (
    <Paper withBorder p="md" radius="md" data-testid="budget-settings">
      <Stack gap="sm">
        <Title order={2} size="h4">
          {t('budget.settings.title')}
        </Title>
        <Current s={q.data} />
        {q.data.proposal ? <Proposal s={q.data} decide={decide} /> : null}
        {can.changeBudgetSettings ? (
          <ChangeForm key={`${q.data.approvalThresholdSatang}-${q.data.evidenceThresholdSatang}-${q.data.proposal?.at ?? ''}`} s={q.data} update={update} />
        ) : null}
      </Stack>
    </Paper>
  );
}

function Current({ s }: { s: BudgetSettings }) {
  const { t } = useTranslation();
  const lang = useLang();
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
      <Text size="sm">
        {t('budget.settings.approval')}: <b data-testid="approval-threshold">{formatBaht(s.approvalThresholdSatang, lang)}</b>
      </Text>
      <Text size="sm">
        {t('budget.settings.evidence')}: <b data-testid="evidence-threshold">{formatBaht(s.evidenceThresholdSatang, lang)}</b>
      </Text>
    </SimpleGrid>
  );
}

function Proposal({ s, decide }: { s: BudgetSettings; decide: ReturnType<typeof useDecideSettings> }) {
  const { t } = useTranslation();
  const lang = useLang();
  const { me } = useTenant();
  const can = usePermissions();
  const p = s.proposal!;
  const mine = p.by.id === me.user.id;
  const run = (decision: 'approve' | 'reject') =>
    decide.mutate(decision, {
      onSuccess: () => notifications.show({ color: 'teal', message: t(decision === 'approve' ? 'budget.settings.approved' : 'budget.settings.rejected') }),
    });
  return (
    <Alert color="orange" title={t('budget.settings.pendingTitle')} data-testid="settings-proposal">
      <Stack gap={6}>
        <Text size="sm">{t('budget.settings.pendingBy', { name: p.by.name, date: formatDateTime(p.at, lang) })}</Text>
        {p.approvalThresholdSatang !== null ? (
          <Text size="sm">
            {t('budget.settings.pendingApproval', { from: formatBaht(s.approvalThresholdSatang, lang), to: formatBaht(p.approvalThresholdSatang, lang) })}
          </Text>
        ) : null}
        {p.evidenceThresholdSatang !== null ? (
          <Text size="sm">
            {t('budget.settings.pendingEvidence', { from: formatBaht(s.evidenceThresholdSatang, lang), to: formatBaht(p.evidenceThresholdSatang, lang) })}
          </Text>
        ) : null}
        {decide.error ? <ErrorAlert error={decide.error} /> : null}
        {s.canDecideProposal ? (
          <Group gap="xs">
            <Button
              color="teal"
              leftSection={<IconCheck size={16} aria-hidden />}
              onClick={() => run('approve')}
              loading={decide.isPending && decide.variables === 'approve'}
              data-testid="settings-approve"
            >
              {t('budget.settings.approve')}
            </Button>
            <Button
              color="red"
              variant="light"
              leftSection={<IconX size={16} aria-hidden />}
              onClick={() => run('reject')}
              loading={decide.isPending && decide.variables === 'reject'}
              data-testid="settings-reject"
            >
              {t('budget.settings.reject')}
            </Button>
          </Group>
        ) : mine && can.decideBudgetSettings ? (
          <Stack gap={6} align="flex-start">
            <Text size="sm">{t('budget.settings.notYours')}</Text>
            <Button variant="default" size="xs" onClick={() => run('reject')} loading={decide.isPending} data-testid="settings-withdraw">
              {t('budget.settings.withdraw')}
            </Button>
          </Stack>
        ) : null}
      </Stack>
    </Alert>
  );
}

function ChangeForm({ s, update }: { s: BudgetSettings; update: ReturnType<typeof useUpdateSettings> }) {
  const { t } = useTranslation();
  const [approval, setApproval] = useState(formatBahtAmount(s.approvalThresholdSatang));
  const [evidence, setEvidence] = useState(formatBahtAmount(s.evidenceThresholdSatang));
  const approvalSatang = parseBahtToSatang(approval);
  const evidenceSatang = parseBahtToSatang(evidence);
  const fields = fieldErrorsOf(update.error);
  const body: BudgetSettingsUpdate = {};
  if (approvalSatang !== s.approvalThresholdSatang) body.approvalThresholdSatang = approvalSatang ?? Number.NaN;
  if (evidenceSatang !== s.evidenceThresholdSatang) body.evidenceThresholdSatang = evidenceSatang ?? Number.NaN;
  const submit = () =>
    update.mutate(body, {
      onSuccess: (after) =>
        notifications.show({ color: after.proposal ? 'orange' : 'teal', message: t(after.proposal ? 'budget.settings.proposed' : 'budget.settings.saved') }),
    });
  return (
    <Stack gap="xs">
      <Text size="sm" c="dimmed">
        {t('budget.settings.help')}
      </Text>
      <ErrorAlert error={errorWithoutFields(update.error)} />
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <TextInput
          label={t('budget.settings.approvalBaht')}
          value={approval}
          onChange={(e) => setApproval(e.currentTarget.value)}
          inputMode="decimal"
          error={fields.approvalThresholdSatang ?? (approvalSatang === null ? t('common.required') : undefined)}
          data-testid="settings-approval"
        />
        <TextInput
          label={t('budget.settings.evidenceBaht')}
          value={evidence}
          onChange={(e) => setEvidence(e.currentTarget.value)}
          inputMode="decimal"
          error={fields.evidenceThresholdSatang ?? (evidenceSatang === null ? t('common.required') : undefined)}
          data-testid="settings-evidence"
        />
      </SimpleGrid>
      <Group justify="flex-end">
        <Button
          onClick={submit}
          loading={update.isPending}
          disabled={!Object.keys(body).length || approvalSatang === null || evidenceSatang === null}
          data-testid="settings-save"
        >
          {t('budget.settings.propose')}
        </Button>
      </Group>
    </Stack>
  );
}

import { Alert, Badge, Button, Card, Group, Modal, Paper, Select, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDownload, IconShieldLock, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LAWFUL_BASES } from '../../../../common/schemas/enums';
import { CONSENT_METHODS, type Consent } from '../../../../common/schemas/privacy';
import { apiUrl, isApiError, tenantPath } from '../../api/client';
import { usePermissions, useTenant } from '../../context/tenant';
import { formatDate, formatDateTime, todayIso } from '../../ui/dates';
import { DateField } from '../../ui/DateField';
import { ErrorAlert, errorText } from '../../ui/ErrorAlert';
import { FormModal } from '../../ui/FormModal';
import { errorWithoutFields, fieldErrorsOf } from '../../ui/serverErrors';
import { enumLabel, enumOptions } from '../../ui/enums';
import { useIsDesktop, useLang } from '../../ui/hooks';
import { Loading } from '../../ui/Loading';
import { usePersonPrivacy, usePersonWrite } from './api';
import './i18n';

/** On a person's page: consents with their history, the data-subject export and erasure (PDPA). */
export function PersonPrivacyCard({ partyId, name }: { partyId: string; name: string }) {
  const { t } = useTranslation();
  const lang = useLang();
  const { slug } = useTenant();
  const can = usePermissions();
  const data = usePersonPrivacy(slug, partyId, can.keepConsents);
  const [adding, setAdding] = useState(false);
  const [withdrawing, setWithdrawing] = useState<Consent | null>(null);
  const [erasing, setErasing] = useState(false);
  if (!can.keepConsents) return null;
  const p = data.data;
  return (
    <Card withBorder radius="md" component="section" aria-labelledby="pd-privacy" data-testid="privacy-card">
      <Group justify="space-between" mb="md" wrap="wrap" gap="sm">
        <Title order={2} size="h3" id="pd-privacy">
          <Group gap={6} component="span">
            <IconShieldLock size={20} aria-hidden />
            {t('privacy.card.title')}
          </Group>
        </Title>
        {p && !p.erased ? (
          <Button variant="light" onClick={() => setAdding(true)} data-testid="add-consent">
            {t('privacy.card.addConsent')}
          </Button>
        ) : null}
      </Group>
      {data.isPending ? (
        <Loading />
      ) : data.isError ? (
        <ErrorAlert error={data.error} />
      ) : (
        <Stack gap="md">
          {p!.erased ? (
            <Alert color="gray" data-testid="erased-banner">
              {t('privacy.card.erased', { date: formatDateTime(p!.erased.erasedAt, lang), by: p!.erased.erasedByName })} (
              {t(`privacy.card.reason.${p!.erased.reason}`)})
            </Alert>
          ) : null}
          <Stack gap="xs">
            <Text fw={600}>{t('privacy.card.consents')}</Text>
            {p!.consents.length === 0 ? (
              <Text c="dimmed">{t('privacy.card.noConsents')}</Text>
            ) : (
              p!.consents.map((c) => (
                <Paper key={c.id} withBorder p="sm" radius="sm" data-testid="consent-row">
                  <Group justify="space-between" wrap="wrap" gap="xs" align="flex-start">
                    <Stack gap={2} style={{ minWidth: 0, flex: 1 }}>
                      <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
                        {c.purpose}
                      </Text>
                      <Text size="sm">{enumLabel(t, 'lawfulBasis', c.lawfulBasis)}</Text>
                      <Text size="xs" c="dimmed">
                        {t('privacy.card.given', { date: formatDate(c.givenOn, lang), method: t(`privacy.method.${c.method}`), by: c.recordedByName })}
                      </Text>
                      {c.withdrawnOn ? (
                        <Text size="xs" c="dimmed">
                          {t('privacy.card.withdrawnBy', { by: c.withdrawnByName })}
                          {c.withdrawalNote ? ` · ${c.withdrawalNote}` : ''}
                        </Text>
                      ) : null}
                    </Stack>
                    <Group gap="xs">
                      {c.withdrawnOn ? (
                        <Badge color="gray">{t('privacy.card.withdrawn', { date: formatDate(c.withdrawnOn, lang) })}</Badge>
                      ) : (
                        <>
                          <Badge color="teal">{t('privacy.card.active')}</Badge>
                          {!p!.erased ? (
                            <Button size="xs" variant="subtle" color="red" onClick={() => setWithdrawing(c)} data-testid="withdraw-consent">
                              {t('privacy.card.withdraw')}
                            </Button>
                          ) : null}
                        </>
                      )}
                    </Group>
                  </Group>
                </Paper>
              ))
            )}
          </Stack>
          <Text size="sm" c="dimmed" data-testid="access-count">
            {t('privacy.card.accessCount', { count: p!.accessCount })}
          </Text>
          {can.exportPersonalData || can.erasePersonalData ? (
            <Stack gap="xs">
              {can.exportPersonalData ? (
                <>
                  <Text size="sm" c="dimmed">
                    {t('privacy.card.exportHint')}
                  </Text>
                  <Group gap="xs" wrap="wrap">
                    <Button
                      component="a"
                      href={apiUrl(tenantPath(slug, `/privacy/people/${partyId}/export`), { format: 'xlsx' })}
                      variant="default"
                      leftSection={<IconDownload size={16} aria-hidden />}
                      data-testid="export-xlsx"
                    >
                      {t('privacy.card.exportXlsx')}
                    </Button>
                    <Button
                      component="a"
                      href={apiUrl(tenantPath(slug, `/privacy/people/${partyId}/export`), { format: 'json' })}
                      variant="default"
                      leftSection={<IconDownload size={16} aria-hidden />}
                      data-testid="export-json"
                    >
                      {t('privacy.card.exportJson')}
                    </Button>
                  </Group>
                </>
              ) : null}
              {can.erasePersonalData && !p!.erased ? (
                <Group>
                  <Button
                    color="red"
                    variant="outline"
                    leftSection={<IconTrash size={16} aria-hidden />}
                    onClick={() => setErasing(true)}
                    data-testid="erase-person"
                  >
                    {t('privacy.card.erase')}
                  </Button>
                </Group>
              ) : null}
            </Stack>
          ) : null}
        </Stack>
      )}
      {adding ? <ConsentModal partyId={partyId} onClose={() => setAdding(false)} /> : null}
      {withdrawing ? <WithdrawModal partyId={partyId} consent={withdrawing} onClose={() => setWithdrawing(null)} /> : null}
      {erasing ? <EraseModal partyId={partyId} name={name} onClose={() => setErasing(false)} /> : null}
    </Card>
  );
}

const fieldError = (err: unknown, field: string): string | undefined => fieldErrorsOf(err)[field];

function ConsentModal({ partyId, onClose }: { partyId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const { slug } = useTenant();
  const desktop = useIsDesktop();
  const [v, setV] = useState({ purpose: '', lawfulBasis: 'consent', givenOn: todayIso() as string | null, method: 'paper_form', note: '' });
  const save = usePersonWrite<typeof v>(
    slug,
    partyId,
    () => `/privacy/people/${partyId}/consents`,
    (x) => ({ ...x, note: x.note || null }),
  );
  const err = save.error;
  return (
    <FormModal
      opened
      onClose={onClose}
      title={t('privacy.card.addConsent')}
      fullScreen={!desktop}
      onSubmit={() => save.mutate(v, { onSuccess: onClose })}
      saving={save.isPending}
      error={err && !fieldError(err, 'purpose') && !fieldError(err, 'givenOn') ? err : null}
      submitTestId="save-consent"
    >
      <TextInput
        label={t('privacy.consent.purpose')}
        required
        value={v.purpose}
        onChange={(e) => setV({ ...v, purpose: e.currentTarget.value })}
        error={fieldError(err, 'purpose')}
        data-testid="consent-purpose"
      />
      <Select
        label={t('privacy.consent.lawfulBasis')}
        data={enumOptions(t, 'lawfulBasis', LAWFUL_BASES)}
        value={v.lawfulBasis}
        onChange={(x) => setV({ ...v, lawfulBasis: x ?? 'consent' })}
        allowDeselect={false}
      />
      <DateField
        label={t('privacy.consent.givenOn')}
        required
        value={v.givenOn}
        onChange={(x) => setV({ ...v, givenOn: x })}
        error={fieldError(err, 'givenOn')}
      />
      <Select
        label={t('privacy.consent.method')}
        data={CONSENT_METHODS.map((m) => ({ value: m, label: t(`privacy.method.${m}`) }))}
        value={v.method}
        onChange={(x) => setV({ ...v, method: x ?? 'paper_form' })}
        allowDeselect={false}
      />
      <Textarea label={t('privacy.consent.note')} value={v.note} onChange={(e) => setV({ ...v, note: e.currentTarget.value })} autosize minRows={2} />
    </FormModal>
  );
}

function WithdrawModal({ partyId, consent, onClose }: { partyId: string; consent: Consent; onClose: () => void }) {
  const { t } = useTranslation();
  const { slug } = useTenant();
  const desktop = useIsDesktop();
  const [v, setV] = useState({ withdrawnOn: todayIso() as string | null, note: '' });
  const save = usePersonWrite<typeof v>(
    slug,
    partyId,
    () => `/privacy/consents/${consent.id}/withdraw`,
    (x) => ({ ...x, note: x.note || null }),
  );
  return (
    <FormModal
      opened
      onClose={onClose}
      title={t('privacy.consent.withdrawTitle')}
      fullScreen={!desktop}
      onSubmit={() => save.mutate(v, { onSuccess: onClose })}
      saving={save.isPending}
      error={errorWithoutFields(save.error)}
      submitLabel={t('privacy.card.withdraw')}
      submitColor="red"
      submitTestId="save-withdrawal"
    >
      <Text fw={600}>{consent.purpose}</Text>
      <Text size="sm" c="dimmed">
        {t('privacy.consent.withdrawHint')}
      </Text>
      <DateField
        label={t('privacy.consent.withdrawnOn')}
        required
        value={v.withdrawnOn}
        onChange={(x) => setV({ ...v, withdrawnOn: x })}
        error={fieldError(save.error, 'withdrawnOn')}
      />
      <Textarea label={t('privacy.consent.note')} value={v.note} onChange={(e) => setV({ ...v, note: e.currentTarget.value })} autosize minRows={2} />
    </FormModal>
  );
}

function EraseModal({ partyId, name, onClose }: { partyId: string; name: string; onClose: () => void }) {
  const { t } = useTranslation();
  const { slug } = useTenant();
  const desktop = useIsDesktop();
  const [v, setV] = useState({ confirmName: '', note: '' });
  const erase = usePersonWrite<typeof v, { name: string }>(
    slug,
    partyId,
    () => `/privacy/people/${partyId}/erase`,
    (x) => x,
  );
  const refusal = isApiError(erase.error) ? erase.error.fields.erase : undefined;
  return (
    <Modal opened onClose={onClose} title={t('privacy.erase.title', { name })} fullScreen={!desktop} closeButtonProps={{ 'aria-label': t('common.close') }}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          erase.mutate(v, {
            onSuccess: () => {
              notifications.show({ color: 'teal', message: t('privacy.erase.done') });
              onClose();
            },
          });
        }}
      >
        <Stack>
          <Alert color="red" title={t('privacy.card.erase')}>
            {t('privacy.erase.warning')}
          </Alert>
          {refusal ? (
            <Alert color="orange" title={t('privacy.erase.refused')} data-testid="erase-refused">
              {refusal}
            </Alert>
          ) : null}
          <TextInput
            label={t('privacy.erase.confirmName', { name })}
            required
            value={v.confirmName}
            onChange={(e) => setV({ ...v, confirmName: e.currentTarget.value })}
            error={fieldError(erase.error, 'confirmName')}
            autoComplete="off"
            data-testid="erase-confirm-name"
          />
          <Textarea
            label={t('privacy.erase.note')}
            required
            value={v.note}
            onChange={(e) => setV({ ...v, note: e.currentTarget.value })}
            error={fieldError(erase.error, 'note')}
            autosize
            minRows={2}
            data-testid="erase-note"
          />
          {erase.error && !refusal && !fieldError(erase.error, 'confirmName') ? <Text c="red">{errorText(erase.error, t)}</Text> : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button
              type="submit"
              color="red"
              loading={erase.isPending}
              disabled={v.confirmName.trim() !== name.trim() || !v.note.trim()}
              data-testid="erase-submit"
            >
              {t('privacy.erase.confirm')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

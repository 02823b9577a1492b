import { blankToNull } from '../../ui/format';
import { MultiSelect, SimpleGrid, Stack, TagsInput, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useNavigate, useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { type NetworkDetail, networkCreate, networkUpdate } from '../../../../common/schemas';
import { ISSUES, type Issue, PILLARS, type Pillar, STAGES, type Stage } from '../../../../common/schemas/enums';
import { usePermissions, useTenant } from '../../context/tenant';
import { DateField } from '../../ui/DateField';
import { todayIso } from '../../ui/dates';
import { enumOptions } from '../../ui/enums';
import { EnumSelect } from '../../ui/EnumSelect';
import { FormActions } from '../../ui/FormActions';
import { focusFirstError } from '../../ui/focusError';
import { NewOrLoaded } from '../../ui/NewOrLoaded';
import { PageHeader } from '../../ui/PageHeader';
import { SectionCard } from '../../ui/SectionCard';
import { PartySelect } from '../partners';
import { zodFieldErrors } from '../../ui/zodErrors';
import { useCreateNetwork, useNetwork, useUpdateNetwork } from './api';
import { NoPermission } from '../../ui/NoPermission';
import { useServerErrors } from '../../ui/serverErrors';

interface Values {
  name: string;
  nameEn: string;
  description: string;
  issues: string[];
  tags: string[];
  pillar: string | null;
  stage: Stage;
  foundedOn: string | null;
  coordinatorPartyId: string | null;
  stageNote: string;
  stageChangedOn: string | null;
}

function toCreate(v: Values) {
  return {
    name: v.name.trim(),
    nameEn: blankToNull(v.nameEn),
    description: blankToNull(v.description),
    issues: v.issues as Issue[],
    tags: v.tags.map((x) => x.trim()).filter(Boolean),
    pillar: (v.pillar ?? undefined) as Pillar,
    stage: v.stage,
    foundedOn: v.foundedOn || null,
    coordinatorPartyId: v.coordinatorPartyId || null,
  };
}

export default function NetworkFormPage() {
  const { id } = useParams({ strict: false }) as { id?: string };
  const { slug } = useTenant();
  const q = useNetwork(slug, id ?? '');
  return (
    <NewOrLoaded id={id} query={q}>
      {(network) => <NetworkForm key={network?.id} network={network} />}
    </NewOrLoaded>
  );
}

function NetworkForm({ network }: { network?: NetworkDetail }) {
  const { t } = useTranslation();
  const { slug } = useTenant();
  const can = usePermissions();
  const navigate = useNavigate();
  const create = useCreateNetwork(slug);
  const update = useUpdateNetwork(slug, network?.id ?? '');
  const mutation = network ? update : create;

  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: {
      name: network?.name ?? '',
      nameEn: network?.nameEn ?? '',
      description: network?.description ?? '',
      issues: network?.issues ?? [],
      tags: network?.tags ?? [],
      pillar: network?.pillar ?? null,
      stage: network?.stage ?? 'seek',
      foundedOn: network?.foundedOn ?? null,
      coordinatorPartyId: network?.coordinator?.id ?? null,
      stageNote: '',
      stageChangedOn: todayIso(),
    },
    validate: (v) => {
      const errs = zodFieldErrors(network ? networkUpdate : networkCreate, toCreate(v), t);
      if (!v.pillar) errs.pillar = t('validation.required');
      if (network && v.stage !== network.stage && !v.stageChangedOn) errs.stageChangedOn = t('validation.required');
      return errs;
    },
  });
  const server = useServerErrors(form);

  const stageChanged = !!network && form.values.stage !== network.stage;
  const allowed = network ? can.editNetwork : can.createNetwork;

  function onSubmit(v: Values) {
    server.clear();
    const onError = server.onError;
    if (network) {
      const body: Record<string, unknown> = { ...toCreate(v) };
      if (stageChanged) {
        body.stageNote = blankToNull(v.stageNote);
        body.stageChangedOn = v.stageChangedOn;
      } else {
        delete body.stage;
      }
      update.mutate(body, {
        onSuccess: () => {
          notifications.show({ color: 'teal', message: t('networks.saved') });
          void navigate({ to: '/t/$tenant/networks/$id', params: { tenant: slug, id: network.id } });
        },
        onError,
      });
    } else {
      create.mutate(toCreate(v), {
        onSuccess: (created) => {
          notifications.show({ color: 'teal', message: t('networks.created') });
          void navigate({ to: '/t/$tenant/networks/$id', params: { tenant: slug, id: created.id } });
        },
        onError,
      });
    }
  }

  // a role that cannot save sees why, not a form it cannot use (the server refuses the write anyway)
  if (!allowed) return <NoPermission title={network ? t('networks.editTitle', { name: network.name }) : t('networks.newTitle')} />;

  return (
    <Stack gap="md" maw={960}>
      <PageHeader title={network ? t('networks.editTitle', { name: network.name }) : t('networks.newTitle')} />
      <form onSubmit={form.onSubmit(onSubmit, () => focusFirstError())} noValidate data-testid="network-form">
        <Stack gap="md">
          <SectionCard title={t('network.details')}>
            <Stack>
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <TextInput label={t('network.name')} required {...form.getInputProps('name')} data-testid="network-name" />
                <TextInput label={t('network.nameEn')} lang="en" {...form.getInputProps('nameEn')} />
                <EnumSelect
                  label={t('network.pillar')}
                  required
                  enumName="pillar"
                  values={PILLARS}
                  {...form.getInputProps('pillar')}
                  data-testid="network-pillar"
                />
                {!network ? <EnumSelect label={t('network.stage')} enumName="stage" values={STAGES} {...form.getInputProps('stage')} /> : null}
                <DateField
                  label={t('network.foundedOn')}
                  value={form.values.foundedOn}
                  onChange={(v) => form.setFieldValue('foundedOn', v)}
                  error={form.errors.foundedOn}
                />
                <PartySelect
                  label={t('network.coordinator')}
                  value={form.values.coordinatorPartyId}
                  onChange={(pid) => form.setFieldValue('coordinatorPartyId', pid)}
                  initial={network?.coordinator ? { id: network.coordinator.id, name: network.coordinator.name, sector: network.coordinator.sector } : null}
                  error={form.errors.coordinatorPartyId}
                />
              </SimpleGrid>
              <MultiSelect
                label={t('network.issues')}
                data={enumOptions(t, 'issue', ISSUES)}
                searchable
                clearable
                clearButtonProps={{ 'aria-label': t('common.clearSelection') }}
                comboboxProps={{ withinPortal: true }}
                {...form.getInputProps('issues')}
              />
              <TagsInput label={t('network.tags')} description={t('network.tagsHint')} maxTags={20} clearable {...form.getInputProps('tags')} />
              <Textarea label={t('network.description')} autosize minRows={3} maxRows={12} {...form.getInputProps('description')} />
            </Stack>
          </SectionCard>

          {network ? (
            <SectionCard title={t('network.stageChange')}>
              <Stack>
                <EnumSelect
                  label={t('network.stage')}
                  description={t('network.stageChangeHint')}
                  enumName="stage"
                  values={STAGES}
                  {...form.getInputProps('stage')}
                  data-testid="network-stage"
                />
                {stageChanged ? (
                  <SimpleGrid cols={{ base: 1, sm: 2 }}>
                    <DateField
                      label={t('network.stageChangedOn')}
                      required
                      value={form.values.stageChangedOn}
                      onChange={(v) => form.setFieldValue('stageChangedOn', v)}
                      error={form.errors.stageChangedOn}
                      clearable={false}
                    />
                    <Textarea label={t('network.stageNote')} autosize minRows={2} {...form.getInputProps('stageNote')} data-testid="network-stage-note" />
                  </SimpleGrid>
                ) : null}
              </Stack>
            </SectionCard>
          ) : null}

          <FormActions
            error={server.error}
            onCancel={() =>
              network
                ? void navigate({ to: '/t/$tenant/networks/$id', params: { tenant: slug, id: network.id } })
                : void navigate({ to: '/t/$tenant/networks', params: { tenant: slug } })
            }
            saving={mutation.isPending}
            submitLabel={network ? t('common.save') : t('networks.create')}
            disabled={!allowed}
            submitTestId="network-submit"
          />
        </Stack>
      </form>
    </Stack>
  );
}

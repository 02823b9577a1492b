import { blankToNull } from '../../ui/format';
import { Checkbox, Group, NumberInput, Radio, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useNavigate, useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type PartyDetail, partyCreate, partyUpdate } from '../../../../common/schemas';
import {
  DEFAULT_PILLAR_BY_SECTOR,
  LAWFUL_BASES,
  type LawfulBasis,
  ORG_TYPES,
  type OrgType,
  PARTY_KINDS,
  type PartyKind,
  PILLARS,
  type Pillar,
  SECTORS,
  type Sector,
} from '../../../../common/schemas/enums';
import { usePermissions, useTenant } from '../../context/tenant';
import { DateField } from '../../ui/DateField';
import { todayIso } from '../../ui/dates';
import { enumLabel, enumOptions } from '../../ui/enums';
import { EnumSelect } from '../../ui/EnumSelect';
import { FormActions } from '../../ui/FormActions';
import { focusFirstError } from '../../ui/focusError';
import { NewOrLoaded } from '../../ui/NewOrLoaded';
import { PageHeader } from '../../ui/PageHeader';
import { SectionCard } from '../../ui/SectionCard';
import { isValidThaiCitizenId } from '../../ui/thai';
import { zodFieldErrors } from '../../ui/zodErrors';
import { AddressSearch } from './AddressSearch';
import { useCreatePartner, usePartner, useUpdatePartner } from './api';
import { NoPermission } from '../../ui/NoPermission';
import { useServerErrors } from '../../ui/serverErrors';

interface Values {
  kind: PartyKind;
  name: string;
  nameEn: string;
  sector: string | null;
  pillar: string | null;
  orgType: string | null;
  position: string;
  citizenId: string;
  address: { line: string; moo: number | string; subdistrict: string; district: string; province: string; postcode: string };
  phone: string;
  email: string;
  lineId: string;
  website: string;
  note: string;
  consentEnabled: boolean;
  consent: { purpose: string; lawfulBasis: string | null; date: string | null };
}

function addressPayload(a: Values['address']) {
  const moo = a.moo === '' || a.moo === null ? null : Number(a.moo);
  const out = {
    line: blankToNull(a.line),
    moo: moo === null || Number.isNaN(moo) ? null : moo,
    subdistrict: blankToNull(a.subdistrict),
    district: blankToNull(a.district),
    province: blankToNull(a.province),
    postcode: blankToNull(a.postcode),
  };
  return Object.values(out).every((v) => v === null) ? null : out;
}

function toPayload(v: Values, editing: boolean) {
  const person = v.kind === 'person';
  const body: Record<string, unknown> = {
    kind: v.kind,
    name: v.name.trim(),
    nameEn: blankToNull(v.nameEn),
    sector: (v.sector ?? undefined) as Sector | undefined,
    pillar: (v.pillar ?? undefined) as Pillar | undefined,
    address: addressPayload(v.address),
    phone: blankToNull(v.phone),
    email: blankToNull(v.email),
    lineId: blankToNull(v.lineId),
    website: blankToNull(v.website),
    note: blankToNull(v.note),
    consent: v.consentEnabled
      ? { purpose: v.consent.purpose.trim(), lawfulBasis: (v.consent.lawfulBasis ?? undefined) as LawfulBasis | undefined, date: v.consent.date ?? '' }
      : null,
  };
  if (person) {
    body.position = blankToNull(v.position);
    if (v.citizenId.trim()) body.citizenId = v.citizenId.replace(/[\s-]/g, '');
    if (editing) body.orgType = null;
  } else {
    body.orgType = (v.orgType ?? null) as OrgType | null;
    if (editing) body.position = null;
  }
  return body;
}

export default function PartnerFormPage() {
  const { id } = useParams({ strict: false }) as { id?: string };
  const { slug } = useTenant();
  const q = usePartner(slug, id ?? '');
  return (
    <NewOrLoaded id={id} query={q}>
      {(partner) => <PartnerForm key={partner?.id} partner={partner} />}
    </NewOrLoaded>
  );
}

function PartnerForm({ partner }: { partner?: PartyDetail }) {
  const { t } = useTranslation();
  const { slug } = useTenant();
  const can = usePermissions();
  const navigate = useNavigate();
  const create = useCreatePartner(slug);
  const update = useUpdatePartner(slug, partner?.id ?? '');
  const mutation = partner ? update : create;
  const [pillarTouched, setPillarTouched] = useState(!!partner);

  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: {
      kind: partner?.kind ?? 'organization',
      name: partner?.name ?? '',
      nameEn: partner?.nameEn ?? '',
      sector: partner?.sector ?? null,
      pillar: partner?.pillar ?? null,
      orgType: partner?.orgType ?? null,
      position: partner?.position ?? '',
      citizenId: '',
      address: {
        line: partner?.address.line ?? '',
        moo: partner?.address.moo ?? '',
        subdistrict: partner?.address.subdistrict ?? '',
        district: partner?.address.district ?? '',
        province: partner?.address.province ?? '',
        postcode: partner?.address.postcode ?? '',
      },
      phone: partner?.phone ?? '',
      email: partner?.email ?? '',
      lineId: partner?.lineId ?? '',
      website: partner?.website ?? '',
      note: partner?.note ?? '',
      consentEnabled: !!partner?.consent,
      consent: {
        purpose: partner?.consent?.purpose ?? t('consent.defaultPurpose'),
        lawfulBasis: partner?.consent?.lawfulBasis ?? 'consent',
        date: partner?.consent?.date ?? todayIso(),
      },
    },
    validate: (v) => {
      const errs = zodFieldErrors(partner ? partyUpdate : partyCreate, toPayload(v, !!partner), t);
      if (!v.sector) errs.sector = t('validation.required');
      if (v.kind === 'person' && v.citizenId.trim() && !isValidThaiCitizenId(v.citizenId)) errs.citizenId = t('validation.invalid_citizen_id');
      const moo = v.address.moo;
      if (moo !== '' && (!Number.isInteger(Number(moo)) || Number(moo) < 1 || Number(moo) > 99)) errs['address.moo'] = t('validation.mooRange');
      if (v.address.postcode.trim() && !/^\d{5}$/.test(v.address.postcode.trim())) errs['address.postcode'] = t('validation.postcode');
      return errs;
    },
  });
  const server = useServerErrors(form);

  const v = form.values;
  const person = v.kind === 'person';
  const allowed = can.editPartner;

  function onSubmit(values: Values) {
    server.clear();
    const onError = server.onError;
    const body = toPayload(values, !!partner);
    if (partner) {
      update.mutate(body, {
        onSuccess: () => {
          notifications.show({ color: 'teal', message: t('partners.saved') });
          void navigate({ to: '/t/$tenant/partners/$id', params: { tenant: slug, id: partner.id } });
        },
        onError,
      });
    } else {
      create.mutate(body as Parameters<typeof create.mutate>[0], {
        onSuccess: (created) => {
          notifications.show({ color: 'teal', message: t('partners.created') });
          void navigate({ to: '/t/$tenant/partners/$id', params: { tenant: slug, id: created.id } });
        },
        onError,
      });
    }
  }

  // a role that cannot save sees why, not a form it cannot use (the server refuses the write anyway)
  if (!allowed) return <NoPermission title={partner ? t('partners.editTitle', { name: partner.name }) : t('partners.newTitle')} />;

  return (
    <Stack gap="md" maw={960}>
      <PageHeader title={partner ? t('partners.editTitle', { name: partner.name }) : t('partners.newTitle')} />
      <form onSubmit={form.onSubmit(onSubmit, () => focusFirstError())} noValidate data-testid="partner-form">
        <Stack gap="md">
          <SectionCard title={t('partner.details')}>
            <Stack>
              <Radio.Group label={t('partner.kind')} required {...form.getInputProps('kind')}>
                <Group mt={6}>
                  {PARTY_KINDS.map((k) => (
                    <Radio key={k} value={k} label={enumLabel(t, 'kind', k)} data-testid={`kind-${k}`} />
                  ))}
                </Group>
              </Radio.Group>
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <TextInput
                  label={person ? t('partner.personName') : t('partner.orgName')}
                  required
                  {...form.getInputProps('name')}
                  data-testid="partner-name"
                />
                <TextInput label={t('partner.nameEn')} lang="en" {...form.getInputProps('nameEn')} />
                <EnumSelect
                  label={t('partner.sector')}
                  required
                  enumName="sector"
                  values={SECTORS}
                  {...form.getInputProps('sector')}
                  onChange={(s) => {
                    form.setFieldValue('sector', s);
                    if (s && !pillarTouched) form.setFieldValue('pillar', DEFAULT_PILLAR_BY_SECTOR[s as Sector]);
                  }}
                  data-testid="partner-sector"
                />
                <Select
                  label={t('partner.pillar')}
                  description={t('partner.pillarHint')}
                  data={enumOptions(t, 'pillar', PILLARS)}
                  clearable
                  clearButtonProps={{ 'aria-label': t('common.clearSelection') }}
                  comboboxProps={{ withinPortal: true }}
                  {...form.getInputProps('pillar')}
                  onChange={(p) => {
                    setPillarTouched(true);
                    form.setFieldValue('pillar', p);
                  }}
                  data-testid="partner-pillar"
                />
                {person ? (
                  <>
                    <TextInput label={t('partner.position')} {...form.getInputProps('position')} />
                    <TextInput
                      label={t('partner.citizenId')}
                      description={partner?.citizenId ? t('partner.citizenIdKeep', { masked: partner.citizenId }) : t('partner.citizenIdHint')}
                      inputMode="numeric"
                      autoComplete="off"
                      maxLength={17}
                      {...form.getInputProps('citizenId')}
                      onBlur={() => form.validateField('citizenId')}
                      data-testid="partner-citizen-id"
                    />
                  </>
                ) : (
                  <Select
                    label={t('partner.orgType')}
                    data={enumOptions(t, 'orgType', ORG_TYPES)}
                    clearable
                    clearButtonProps={{ 'aria-label': t('common.clearSelection') }}
                    searchable
                    comboboxProps={{ withinPortal: true }}
                    {...form.getInputProps('orgType')}
                  />
                )}
              </SimpleGrid>
            </Stack>
          </SectionCard>

          <SectionCard title={t('partner.address')}>
            <Stack>
              <AddressSearch
                onPick={(a) => {
                  form.setFieldValue('address.subdistrict', a.subdistrict);
                  form.setFieldValue('address.district', a.district);
                  form.setFieldValue('address.province', a.province);
                  form.setFieldValue('address.postcode', a.postcode);
                  form.clearFieldError('address.subdistrict');
                  form.clearFieldError('address.district');
                  form.clearFieldError('address.province');
                  form.clearFieldError('address.postcode');
                }}
              />
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <TextInput label={t('address.line')} description={t('address.lineHint')} {...form.getInputProps('address.line')} />
                <NumberInput
                  label={t('address.moo')}
                  min={1}
                  max={99}
                  allowDecimal={false}
                  allowNegative={false}
                  hideControls
                  {...form.getInputProps('address.moo')}
                />
                <TextInput label={t('address.subdistrict')} {...form.getInputProps('address.subdistrict')} data-testid="address-subdistrict" />
                <TextInput label={t('address.district')} {...form.getInputProps('address.district')} data-testid="address-district" />
                <TextInput label={t('address.province')} {...form.getInputProps('address.province')} data-testid="address-province" />
                <TextInput
                  label={t('address.postcode')}
                  inputMode="numeric"
                  maxLength={5}
                  {...form.getInputProps('address.postcode')}
                  data-testid="address-postcode"
                />
              </SimpleGrid>
            </Stack>
          </SectionCard>

          <SectionCard title={t('partner.contact')}>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput label={t('partner.phone')} type="tel" autoComplete="off" {...form.getInputProps('phone')} />
              <TextInput label={t('partner.email')} type="email" autoComplete="off" {...form.getInputProps('email')} />
              <TextInput label={t('partner.lineId')} {...form.getInputProps('lineId')} />
              <TextInput label={t('partner.website')} type="url" {...form.getInputProps('website')} />
            </SimpleGrid>
          </SectionCard>

          <SectionCard title={t('consent.title')}>
            <Stack>
              <Checkbox
                label={t('consent.record')}
                description={t('consent.recordHint')}
                {...form.getInputProps('consentEnabled', { type: 'checkbox' })}
                data-testid="consent-enabled"
              />
              {v.consentEnabled ? (
                <SimpleGrid cols={{ base: 1, sm: 3 }}>
                  <TextInput label={t('consent.purpose')} required {...form.getInputProps('consent.purpose')} />
                  <EnumSelect
                    label={t('consent.lawfulBasis')}
                    required
                    enumName="lawfulBasis"
                    values={LAWFUL_BASES}
                    {...form.getInputProps('consent.lawfulBasis')}
                  />
                  <DateField
                    label={t('consent.date')}
                    required
                    clearable={false}
                    value={v.consent.date}
                    onChange={(d) => form.setFieldValue('consent.date', d)}
                    error={form.errors['consent.date']}
                  />
                </SimpleGrid>
              ) : null}
            </Stack>
          </SectionCard>

          <SectionCard title={t('partner.note')}>
            <Textarea label={t('partner.note')} autosize minRows={2} maxRows={10} {...form.getInputProps('note')} />
          </SectionCard>

          <FormActions
            error={server.error}
            onCancel={() =>
              partner
                ? void navigate({ to: '/t/$tenant/partners/$id', params: { tenant: slug, id: partner.id } })
                : void navigate({ to: '/t/$tenant/partners', params: { tenant: slug } })
            }
            saving={mutation.isPending}
            submitLabel={partner ? t('common.save') : t('partners.create')}
            disabled={!allowed}
            submitTestId="partner-submit"
          />
        </Stack>
      </form>
    </Stack>
  );
}

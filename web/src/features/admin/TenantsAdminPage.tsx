import { Badge, Button, Container, Group, Modal, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconBuildingCommunity, IconKey, IconLogout } from '@tabler/icons-react';
import { useNavigate } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AdminTenant, OneTimeLink, TenantType } from '../../../../common/schemas';
import { TENANT_TYPES } from '../../../../common/schemas/enums';
import { ApiError } from '../../api/client';
import { type Column, DataView } from '../../ui/DataView';
import { formatDate } from '../../ui/dates';
import { enumLabel, enumOptions } from '../../ui/enums';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { formatNumber } from '../../ui/format';
import { useLang } from '../../ui/hooks';
import { AnchorLink } from '../../ui/links';
import { Loading } from '../../ui/Loading';
import { PageHeader } from '../../ui/PageHeader';
import { CopyLink, useAdminTenants, useCreateTenant } from '../accounts';
import { RedirectToLogin, useLogout, useMe } from '../auth';
import { AddressSearch } from '../partners';
import { LanguageSwitch } from '../../ui/LanguageSwitch';
import { errorWithoutFields, fieldErrorsOf } from '../../ui/serverErrors';

const EMPTY = { slug: '', nameTh: '', nameEn: '', type: 'subdistrict_municipality', province: '', district: '', subdistrict: '', email: '', name: '' };

/** A suggested slug from the English name: "Mae Faek Subdistrict Municipality" → "mae-faek". */
const slugFrom = (nameEn: string) =>
  nameEn
    .toLowerCase()
    .replace(/\b(subdistrict|town|city|municipality|administrative|organization|organisation|provincial|tambon)\b/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40);

function NewTenantForm({ onDone }: { onDone: (link: OneTimeLink, tenant: AdminTenant) => void }) {
  const { t } = useTranslation();
  const create = useCreateTenant();
  const [v, setV] = useState(EMPTY);
  const [slugTouched, setSlugTouched] = useState(false);
  const fields = fieldErrorsOf(create.error);
  const set = (k: keyof typeof EMPTY) => (e: { currentTarget: { value: string } }) => {
    const value = e.currentTarget.value;
    setV((old) => ({ ...old, [k]: value, ...(k === 'nameEn' && !slugTouched ? { slug: slugFrom(value) } : {}) }));
  };
  function onSubmit(e: FormEvent) {
    e.preventDefault();
    create.mutate(
      {
        slug: v.slug,
        nameTh: v.nameTh,
        nameEn: v.nameEn,
        type: v.type as TenantType,
        province: v.province,
        district: v.district,
        subdistrict: v.subdistrict,
        firstAdmin: { email: v.email.trim(), name: v.name },
      },
      { onSuccess: (r) => onDone(r.invitation, r.tenant) },
    );
  }
  const err = (k: string) => fields[k] ?? null;
  return (
    <form onSubmit={onSubmit} noValidate data-testid="tenant-form">
      <Stack>
        <TextInput
          label={t('admin.nameTh')}
          placeholder="เทศบาลตำบลแม่แฝก"
          required
          value={v.nameTh}
          onChange={set('nameTh')}
          error={err('nameTh')}
          data-testid="tenant-name-th"
        />
        <TextInput
          label={t('admin.nameEn')}
          placeholder="Mae Faek Subdistrict Municipality"
          required
          value={v.nameEn}
          onChange={set('nameEn')}
          error={err('nameEn')}
          data-testid="tenant-name-en"
        />
        <Select
          label={t('admin.type')}
          required
          data={enumOptions(t, 'tenantType', TENANT_TYPES)}
          value={v.type}
          onChange={(type) => type && setV((old) => ({ ...old, type }))}
          allowDeselect={false}
          comboboxProps={{ withinPortal: true }}
          data-testid="tenant-type"
        />
        <AddressSearch onPick={(a) => setV((old) => ({ ...old, province: a.province, district: a.district, subdistrict: a.subdistrict }))} />
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput
            label={t('address.subdistrict')}
            required
            value={v.subdistrict}
            onChange={set('subdistrict')}
            error={err('subdistrict')}
            data-testid="tenant-subdistrict"
          />
          <TextInput
            label={t('address.district')}
            required
            value={v.district}
            onChange={set('district')}
            error={err('district')}
            data-testid="tenant-district"
          />
          <TextInput
            label={t('address.province')}
            required
            value={v.province}
            onChange={set('province')}
            error={err('province')}
            data-testid="tenant-province"
          />
        </SimpleGrid>
        <TextInput
          label={t('admin.slug')}
          description={t('admin.slugHint', { slug: v.slug || 'mae-faek' })}
          required
          value={v.slug}
          onChange={(e) => {
            setSlugTouched(true);
            set('slug')(e);
          }}
          error={err('slug')}
          data-testid="tenant-slug"
        />
        <Title order={3} size="h5">
          {t('admin.firstAdmin')}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label={t('users.name')} required value={v.name} onChange={set('name')} error={err('firstAdmin.name')} data-testid="first-admin-name" />
          <TextInput
            label={t('users.email')}
            type="email"
            required
            value={v.email}
            onChange={set('email')}
            error={err('firstAdmin.email')}
            data-testid="first-admin-email"
          />
        </SimpleGrid>
        <ErrorAlert error={errorWithoutFields(create.error)} />
        <Group justify="flex-end">
          <Button type="submit" loading={create.isPending} data-testid="tenant-submit">
            {t('admin.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** The platform admin's page: every local government on this server, and setting up a new one. */
export default function TenantsAdminPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const me = useMe();
  const logout = useLogout();
  const navigate = useNavigate();
  const list = useAdminTenants();
  const [opened, { open, close }] = useDisclosure(false);
  const [created, setCreated] = useState<{ link: OneTimeLink; tenant: AdminTenant } | null>(null);

  if (me.isPending) return <Loading minHeight={320} />;
  if (!me.data) return <RedirectToLogin />;
  if (!me.data.user.isPlatformAdmin) return <ErrorAlert error={new ApiError(403, 'forbidden', t('errors.forbidden'))} />;

  const columns: Column<AdminTenant>[] = [
    {
      key: 'name',
      header: t('admin.tenant'),
      primary: true,
      render: (x) => (
        <AnchorLink to="/t/$tenant" params={{ tenant: x.slug }}>
          {lang === 'en' ? x.nameEn : x.nameTh}
        </AnchorLink>
      ),
    },
    { key: 'type', header: t('admin.type'), render: (x) => enumLabel(t, 'tenantType', x.type) },
    { key: 'place', header: t('admin.place'), render: (x) => `${x.subdistrict} · ${x.district} · ${x.province}` },
    { key: 'users', header: t('admin.users'), nowrap: true, render: (x) => formatNumber(x.users, lang) },
    { key: 'partners', header: t('admin.partners'), nowrap: true, render: (x) => formatNumber(x.partners, lang) },
    { key: 'networks', header: t('admin.networks'), nowrap: true, render: (x) => formatNumber(x.networks, lang) },
    {
      key: 'pending',
      header: t('admin.pending'),
      nowrap: true,
      render: (x) => (x.pendingInvitations ? <Badge color="orange">{formatNumber(x.pendingInvitations, lang)}</Badge> : '—'),
    },
    { key: 'created', header: t('common.createdAt'), nowrap: true, render: (x) => formatDate(x.createdAt, lang) },
  ];

  return (
    <Container size="lg" py="md">
      <Group justify="space-between" mb="md">
        <Text fw={700} fz="xl" c="teal.9">
          {t('app.name')}
        </Text>
        <Group gap="xs">
          <LanguageSwitch />
          <Button variant="subtle" leftSection={<IconKey size={16} aria-hidden />} onClick={() => void navigate({ to: '/account/password' })}>
            {t('accounts.changeTitle')}
          </Button>
          <Button variant="subtle" color="red" leftSection={<IconLogout size={16} aria-hidden />} onClick={() => logout.mutate()} data-testid="logout">
            {t('shell.logout')}
          </Button>
        </Group>
      </Group>
      <main>
        <PageHeader
          title={t('admin.title')}
          subtitle={t('admin.subtitle')}
          actions={
            <Button leftSection={<IconBuildingCommunity size={16} aria-hidden />} onClick={open} data-testid="new-tenant">
              {t('admin.new')}
            </Button>
          }
        />
        <Stack>
          {created ? (
            <CopyLink
              link={created.link}
              title={t('admin.created', { name: lang === 'en' ? created.tenant.nameEn : created.tenant.nameTh })}
              testId="first-admin-link"
            />
          ) : null}
          {list.isError ? <ErrorAlert error={list.error} /> : null}
          {list.isPending ? (
            <Loading />
          ) : list.data ? (
            <DataView rows={list.data.items} columns={columns} rowKey={(x) => x.id} caption={t('admin.title')} empty={t('admin.empty')} testId="tenants-list" />
          ) : null}
        </Stack>
      </main>
      <Modal opened={opened} onClose={close} title={t('admin.new')} size="lg" closeButtonProps={{ 'aria-label': t('common.close') }}>
        <NewTenantForm
          onDone={(link, tenant) => {
            setCreated({ link, tenant });
            close();
          }}
        />
      </Modal>
    </Container>
  );
}

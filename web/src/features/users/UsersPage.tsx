import { Alert, Badge, Button, Group, Modal, PasswordInput, Select, Stack, TextInput, VisuallyHidden } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconInfoCircle, IconUserPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type TenantUser, userCreate } from '../../../../common/schemas';
import { TENANT_ROLES, type TenantRole } from '../../../../common/schemas/enums';
import { ApiError } from '../../api/client';
import { usePermissions, useTenant } from '../../app/tenant';
import { type Column, DataView } from '../../ui/DataView';
import { formatDate } from '../../ui/dates';
import { enumOptions } from '../../ui/enums';
import { ErrorAlert, errorText } from '../../ui/ErrorAlert';
import { useLang } from '../../ui/hooks';
import { Loading } from '../../ui/Loading';
import { PageHeader } from '../../ui/PageHeader';
import { zodFieldErrors } from '../../ui/zodErrors';
import { useCreateUser, useUpdateUser, useUsers } from './api';
import { LinkedPersonCell } from '../manpower/LinkedPersonCell';

interface NewUser {
  email: string;
  name: string;
  role: string | null;
  password: string;
}

function CreateUserModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { slug } = useTenant();
  const create = useCreateUser(slug);
  const form = useForm<NewUser>({
    mode: 'controlled',
    initialValues: { email: '', name: '', role: 'officer', password: '' },
    validate: (v) => {
      const errs = zodFieldErrors(userCreate, { email: v.email.trim(), name: v.name.trim(), role: v.role ?? undefined, password: v.password }, t);
      if (!v.email.trim()) errs.email = t('validation.required');
      if (!v.password) errs.password = t('validation.required');
      return errs;
    },
  });
  const close = () => {
    form.reset();
    create.reset();
    onClose();
  };
  return (
    <Modal opened={opened} onClose={close} title={t('users.createTitle')} closeButtonProps={{ 'aria-label': t('common.close') }}>
      <form
        noValidate
        data-testid="user-form"
        onSubmit={form.onSubmit((v) =>
          create.mutate(
            { email: v.email.trim(), name: v.name.trim(), role: v.role as TenantRole, password: v.password },
            {
              onSuccess: () => {
                notifications.show({ color: 'teal', message: t('users.created') });
                close();
              },
              onError: (err) => {
                if (err instanceof ApiError) form.setErrors(err.fields);
              },
            },
          ),
        )}
      >
        <Stack>
          <TextInput label={t('users.email')} type="email" required autoComplete="off" {...form.getInputProps('email')} />
          <TextInput label={t('users.name')} required {...form.getInputProps('name')} />
          <Select
            label={t('users.role')}
            required
            data={enumOptions(t, 'role', TENANT_ROLES)}
            allowDeselect={false}
            comboboxProps={{ withinPortal: true }}
            {...form.getInputProps('role')}
          />
          <PasswordInput
            label={t('users.password')}
            description={t('users.passwordHint')}
            required
            autoComplete="new-password"
            visibilityToggleButtonProps={{ 'aria-label': t('login.togglePassword') }}
            {...form.getInputProps('password')}
          />
          {create.isError ? <ErrorAlert error={create.error} /> : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending}>
              {t('users.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

export default function UsersPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const { slug, me } = useTenant();
  const can = usePermissions();
  const q = useUsers(slug);
  const update = useUpdateUser(slug);
  const [opened, handlers] = useDisclosure(false);
  const [busy, setBusy] = useState<string | null>(null);

  if (!can.manageUsers) {
    return (
      <Alert color="orange" icon={<IconInfoCircle aria-hidden />}>
        {t('errors.forbidden')}
      </Alert>
    );
  }

  const change = (u: TenantUser, patch: { role?: TenantRole; active?: boolean }, message: string) => {
    setBusy(u.id);
    update.mutate(
      { id: u.id, ...patch },
      {
        onSuccess: () => notifications.show({ color: 'teal', message }),
        onError: (err) => notifications.show({ color: 'red', message: errorText(err, t) }),
        onSettled: () => setBusy(null),
      },
    );
  };

  const columns: Column<TenantUser>[] = [
    { key: 'name', header: t('users.name'), primary: true, render: (u) => u.name },
    { key: 'email', header: t('users.email'), render: (u) => u.email },
    {
      key: 'role',
      header: t('users.role'),
      render: (u) => (
        <Select
          aria-label={t('users.roleOf', { name: u.name })}
          data={enumOptions(t, 'role', TENANT_ROLES)}
          value={u.role}
          allowDeselect={false}
          size="xs"
          w={150}
          disabled={busy === u.id}
          comboboxProps={{ withinPortal: true }}
          onChange={(r) => r && r !== u.role && change(u, { role: r as TenantRole }, t('users.roleChanged', { name: u.name }))}
        />
      ),
    },
    {
      key: 'status',
      header: t('users.status'),
      nowrap: true,
      render: (u) => <Badge color={u.active ? 'teal' : 'gray'}>{u.active ? t('users.active') : t('users.inactive')}</Badge>,
    },
    { key: 'person', header: t('manpower.linkedPersonHeader'), render: (u) => <LinkedPersonCell user={u} /> },
    { key: 'created', header: t('common.createdAt'), render: (u) => formatDate(u.createdAt, lang), nowrap: true },
    {
      key: 'actions',
      header: t('common.actions'),
      nowrap: true,
      render: (u) =>
        u.id === me.user.id ? (
          <Badge color="blue" variant="outline">
            {t('users.you')}
          </Badge>
        ) : (
          <Button
            size="xs"
            variant={u.active ? 'outline' : 'light'}
            color={u.active ? 'red' : 'teal'}
            loading={busy === u.id}
            onClick={() => change(u, { active: !u.active }, u.active ? t('users.deactivated', { name: u.name }) : t('users.activated', { name: u.name }))}
          >
            {u.active ? t('users.deactivate') : t('users.activate')}
            <VisuallyHidden> {u.name}</VisuallyHidden>
          </Button>
        ),
    },
  ];

  return (
    <Stack gap="md">
      <PageHeader
        title={t('users.title')}
        subtitle={t('users.subtitle')}
        actions={
          <Button leftSection={<IconUserPlus size={16} aria-hidden />} onClick={handlers.open} data-testid="new-user">
            {t('users.new')}
          </Button>
        }
      />
      {q.isError ? <ErrorAlert error={q.error} /> : null}
      {q.isPending ? (
        <Loading />
      ) : q.data ? (
        <DataView rows={q.data} columns={columns} rowKey={(u) => u.id} caption={t('users.title')} empty={t('users.empty')} testId="users-list" />
      ) : null}
      <CreateUserModal opened={opened} onClose={handlers.close} />
    </Stack>
  );
}

import { Alert, Badge, Button, Group, Modal, Select, Stack, Text, TextInput, Title, VisuallyHidden } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconInfoCircle, IconUserPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { invitationCreate, type OneTimeLink, type TenantUser } from '../../../../common/schemas';
import { TENANT_ROLES, type TenantRole } from '../../../../common/schemas/enums';
import { usePermissions, useTenant } from '../../context/tenant';
import { type Column, DataView } from '../../ui/DataView';
import { formatDate } from '../../ui/dates';
import { enumLabel, enumOptions } from '../../ui/enums';
import { ErrorAlert, errorText } from '../../ui/ErrorAlert';
import { useLang } from '../../ui/hooks';
import { Loading } from '../../ui/Loading';
import { PageHeader } from '../../ui/PageHeader';
import { zodFieldErrors } from '../../ui/zodErrors';
import { useUpdateUser, useUsers } from './api';
import { CopyLink, useInvitations, useInvite, useResetLink, useRevokeInvitation } from '../accounts';
import { LinkedPersonCell } from '../manpower';
import { errorWithoutFields, showServerFieldErrors } from '../../ui/serverErrors';
import '../manpower/i18n';

function InviteModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { slug } = useTenant();
  const invite = useInvite(slug);
  const [link, setLink] = useState<OneTimeLink | null>(null);
  const form = useForm<{ email: string; name: string; role: string | null }>({
    mode: 'controlled',
    initialValues: { email: '', name: '', role: 'officer' },
    validate: (v) => {
      const errs = zodFieldErrors(invitationCreate, { email: v.email.trim(), name: v.name.trim(), role: v.role ?? undefined }, t);
      if (!v.email.trim()) errs.email = t('validation.required');
      return errs;
    },
  });
  const close = () => {
    form.reset();
    invite.reset();
    setLink(null);
    onClose();
  };
  return (
    <Modal opened={opened} onClose={close} title={t('users.inviteTitle')} closeButtonProps={{ 'aria-label': t('common.close') }}>
      {link ? (
        <Stack>
          <CopyLink link={link} title={t('users.invited', { email: form.values.email.trim() })} testId="invitation-link" />
          <Group justify="flex-end">
            <Button onClick={close}>{t('common.close')}</Button>
          </Group>
        </Stack>
      ) : (
        <form
          noValidate
          data-testid="invite-user-form"
          onSubmit={form.onSubmit((v) =>
            invite.mutate(
              { email: v.email.trim(), name: v.name.trim(), role: v.role as TenantRole },
              {
                onSuccess: setLink,
                onError: (err) => {
                  showServerFieldErrors(form.setErrors, err);
                },
              },
            ),
          )}
        >
          <Stack>
            <Text size="sm">{t('users.inviteHint')}</Text>
            <TextInput label={t('users.email')} type="email" required autoComplete="off" {...form.getInputProps('email')} data-testid="invite-email" />
            <TextInput label={t('users.name')} required {...form.getInputProps('name')} data-testid="invite-name" />
            <Select
              label={t('users.role')}
              required
              data={enumOptions(t, 'role', TENANT_ROLES)}
              allowDeselect={false}
              comboboxProps={{ withinPortal: true }}
              {...form.getInputProps('role')}
              data-testid="invite-role"
            />
            <ErrorAlert error={errorWithoutFields(invite.error)} />
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={invite.isPending} data-testid="invite-submit">
                {t('users.invite')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}

/** Invitations not yet accepted, each with its expiry and a way to withdraw it. */
function PendingInvitations() {
  const { t } = useTranslation();
  const lang = useLang();
  const { slug } = useTenant();
  const q = useInvitations(slug);
  const revoke = useRevokeInvitation(slug);
  const items = q.data?.items ?? [];
  if (!items.length) return null;
  return (
    <Stack gap="xs" data-testid="pending-invitations">
      <Title order={2} size="h4">
        {t('users.pending')}
      </Title>
      {items.map((i) => (
        <Group key={i.id} justify="space-between" wrap="wrap" gap="xs">
          <Text size="sm">
            {i.name ?? i.email} · {i.email} · {enumLabel(t, 'role', i.role)} · {t('users.expires', { date: formatDate(i.expiresAt, lang) })}
          </Text>
          <Button size="xs" variant="outline" color="red" loading={revoke.isPending && revoke.variables === i.id} onClick={() => revoke.mutate(i.id)}>
            {t('users.withdraw')}
            <VisuallyHidden> {i.email}</VisuallyHidden>
          </Button>
        </Group>
      ))}
    </Stack>
  );
}

/** A reset link for one user, shown once to pass on. */
function ResetLinkModal({ user, onClose }: { user: TenantUser | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { slug } = useTenant();
  const reset = useResetLink(slug);
  const close = () => {
    reset.reset();
    onClose();
  };
  return (
    <Modal
      opened={Boolean(user)}
      onClose={close}
      title={t('users.resetTitle', { name: user?.name ?? '' })}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <Stack>
        {reset.data ? (
          <CopyLink link={reset.data} title={t('users.resetReady')} testId="reset-link" />
        ) : (
          <>
            <Text size="sm">{t('users.resetHint')}</Text>
            {reset.isError ? <ErrorAlert error={reset.error} /> : null}
          </>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            {t('common.close')}
          </Button>
          {reset.data ? null : (
            <Button loading={reset.isPending} onClick={() => user && reset.mutate(user.id)} data-testid="reset-link-create">
              {t('users.resetCreate')}
            </Button>
          )}
        </Group>
      </Stack>
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
  const [resetFor, setResetFor] = useState<TenantUser | null>(null);

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
          <Group gap={6} wrap="nowrap">
            <Button size="xs" variant="default" onClick={() => setResetFor(u)}>
              {t('users.resetLink')}
              <VisuallyHidden> {u.name}</VisuallyHidden>
            </Button>
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
          </Group>
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
            {t('users.invite')}
          </Button>
        }
      />
      {q.isError ? <ErrorAlert error={q.error} /> : null}
      {q.isPending ? (
        <Loading />
      ) : q.data ? (
        <DataView rows={q.data} columns={columns} rowKey={(u) => u.id} caption={t('users.title')} empty={t('users.empty')} testId="users-list" />
      ) : null}
      <PendingInvitations />
      <InviteModal opened={opened} onClose={handlers.close} />
      <ResetLinkModal user={resetFor} onClose={() => setResetFor(null)} />
    </Stack>
  );
}

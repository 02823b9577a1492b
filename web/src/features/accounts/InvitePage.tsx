import { Alert, Button, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useNavigate, useParams } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { enumLabel } from '../../ui/enums';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { useLang } from '../../ui/hooks';
import { Loading } from '../../ui/Loading';
import { AuthFrame } from '../../ui/AuthFrame';
import { errorWithoutFields, fieldErrorsOf } from '../../ui/serverErrors';
import { homeFor } from '../auth';
import { useAcceptInvitation, useLinkInfo } from './api';
import { NewPasswordField } from './NewPasswordField';

/** Opening an invitation: a new person chooses name and password; someone with an account confirms with its password. */
export default function InvitePage() {
  const { t } = useTranslation();
  const lang = useLang();
  const { token } = useParams({ from: '/invite/$token' });
  const navigate = useNavigate();
  const info = useLinkInfo(token);
  const accept = useAcceptInvitation(token);
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const fields = fieldErrorsOf(accept.error);

  if (info.isPending)
    return (
      <AuthFrame>
        <Loading />
      </AuthFrame>
    );
  if (info.isError || !info.data || info.data.kind !== 'invitation')
    return (
      <AuthFrame>
        <ErrorAlert error={info.error} />
      </AuthFrame>
    );
  const inv = info.data;
  const tenantName = lang === 'en' ? inv.tenant?.nameEn : inv.tenant?.nameTh;

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    accept.mutate(
      { name: inv.accountExists ? undefined : (name.trim() || inv.name || '').trim(), password },
      { onSuccess: (me) => void navigate({ href: homeFor(me, inv.tenant?.slug) ?? '/', replace: true }) },
    );
  }

  return (
    <AuthFrame>
      <form onSubmit={onSubmit} noValidate data-testid="invite-form">
        <Stack>
          <Title order={2} size="h3">
            {t('accounts.inviteTitle', { tenant: tenantName })}
          </Title>
          <Text>{t('accounts.inviteRole', { email: inv.email, role: enumLabel(t, 'role', inv.role) })}</Text>
          {inv.accountExists ? (
            <>
              <Alert color="blue">{t('accounts.inviteExisting')}</Alert>
              <PasswordInput
                label={t('accounts.yourPassword')}
                autoComplete="current-password"
                required
                value={password}
                onChange={(e) => setPassword(e.currentTarget.value)}
                error={fields.password}
                visibilityToggleButtonProps={{ 'aria-label': t('login.togglePassword') }}
                data-testid="invite-password"
              />
            </>
          ) : (
            <>
              <TextInput
                label={t('accounts.yourName')}
                required
                value={name || inv.name || ''}
                onChange={(e) => setName(e.currentTarget.value)}
                error={fields.name}
                data-testid="invite-name"
              />
              <NewPasswordField
                value={password}
                onChange={(v) => {
                  setPassword(v);
                  accept.reset();
                }}
                error={fields.password}
                email={inv.email}
                name={name || inv.name || ''}
                testId="invite-password"
              />
            </>
          )}
          <ErrorAlert error={errorWithoutFields(accept.error)} />
          <Button type="submit" loading={accept.isPending} data-testid="invite-submit">
            {inv.accountExists ? t('accounts.joinTenant') : t('accounts.createAccount')}
          </Button>
        </Stack>
      </form>
    </AuthFrame>
  );
}

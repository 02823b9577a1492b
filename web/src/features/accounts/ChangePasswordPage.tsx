import { Alert, Button, Group, PasswordInput, Stack, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useNavigate } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { Loading } from '../../ui/Loading';
import { AuthFrame } from '../../ui/AuthFrame';
import { errorWithoutFields, fieldErrorsOf } from '../../ui/serverErrors';
import { homeFor, RedirectToLogin, useMe } from '../auth';
import { useChangePassword } from './api';
import { NewPasswordField } from './NewPasswordField';

/** Change my password; also where a printed or admin-chosen password must be replaced before anything else. */
export default function ChangePasswordPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const me = useMe();
  const change = useChangePassword();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const [mismatch, setMismatch] = useState(false);
  const fields = fieldErrorsOf(change.error);

  if (me.isPending) return <Loading minHeight={320} />;
  if (!me.data) return <RedirectToLogin />;
  const user = me.data.user;
  const goHome = () => void navigate({ href: homeFor({ ...me.data!, user: { ...user, mustChangePassword: false } }) ?? '/', replace: true });

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    setMismatch(next !== confirm);
    if (next !== confirm) return;
    change.mutate(
      { currentPassword: current, newPassword: next },
      {
        onSuccess: () => {
          notifications.show({ color: 'teal', message: t('accounts.passwordChanged') });
          goHome();
        },
      },
    );
  }

  return (
    <AuthFrame>
      <form onSubmit={onSubmit} noValidate data-testid="password-form">
        <Stack>
          <Title order={2} size="h3">
            {t('accounts.changeTitle')}
          </Title>
          {user.mustChangePassword ? (
            <Alert color="orange" role="alert">
              {t('accounts.mustChange')}
            </Alert>
          ) : null}
          <PasswordInput
            label={t('accounts.currentPassword')}
            autoComplete="current-password"
            required
            value={current}
            onChange={(e) => setCurrent(e.currentTarget.value)}
            error={fields.currentPassword}
            visibilityToggleButtonProps={{ 'aria-label': t('login.togglePassword') }}
            data-testid="current-password"
          />
          <NewPasswordField
            value={next}
            onChange={(v) => {
              setNext(v);
              change.reset();
            }}
            error={fields.newPassword}
            email={user.email}
            name={user.name}
            testId="new-password"
          />
          <PasswordInput
            label={t('accounts.confirmPassword')}
            autoComplete="new-password"
            required
            value={confirm}
            onChange={(e) => setConfirm(e.currentTarget.value)}
            error={mismatch ? t('accounts.mismatch') : null}
            visibilityToggleButtonProps={{ 'aria-label': t('login.togglePassword') }}
            data-testid="confirm-password"
          />
          <ErrorAlert error={errorWithoutFields(change.error)} />
          <Group justify="flex-end">
            {user.mustChangePassword ? null : (
              <Button variant="default" onClick={goHome}>
                {t('common.cancel')}
              </Button>
            )}
            <Button type="submit" loading={change.isPending} data-testid="password-submit">
              {t('accounts.savePassword')}
            </Button>
          </Group>
        </Stack>
      </form>
    </AuthFrame>
  );
}

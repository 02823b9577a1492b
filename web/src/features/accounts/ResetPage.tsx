import { Button, Stack, Text, Title } from '@mantine/core';
import { useNavigate, useParams } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { Loading } from '../../ui/Loading';
import { AuthFrame } from '../../ui/AuthFrame';
import { errorWithoutFields, fieldErrorsOf } from '../../ui/serverErrors';
import { homeFor } from '../auth';
import { useCompleteReset, useLinkInfo } from './api';
import { NewPasswordField } from './NewPasswordField';

/** A reset link from an admin: choose a new password; every other session of the account ends. */
export default function ResetPage() {
  const { t } = useTranslation();
  const { token } = useParams({ from: '/reset/$token' });
  const navigate = useNavigate();
  const info = useLinkInfo(token);
  const reset = useCompleteReset(token);
  const [password, setPassword] = useState('');
  const fields = fieldErrorsOf(reset.error);

  if (info.isPending)
    return (
      <AuthFrame>
        <Loading />
      </AuthFrame>
    );
  if (info.isError || !info.data || info.data.kind !== 'password_reset')
    return (
      <AuthFrame>
        <ErrorAlert error={info.error} />
      </AuthFrame>
    );
  const link = info.data;

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    reset.mutate({ password }, { onSuccess: (me) => void navigate({ href: homeFor(me) ?? '/', replace: true }) });
  }

  return (
    <AuthFrame>
      <form onSubmit={onSubmit} noValidate data-testid="reset-form">
        <Stack>
          <Title order={2} size="h3">
            {t('accounts.resetTitle')}
          </Title>
          <Text>{t('accounts.resetFor', { email: link.email })}</Text>
          <NewPasswordField
            value={password}
            onChange={(v) => {
              setPassword(v);
              reset.reset();
            }}
            error={fields.password}
            email={link.email}
            name={link.name ?? ''}
            testId="reset-password"
          />
          <ErrorAlert error={errorWithoutFields(reset.error)} />
          <Button type="submit" loading={reset.isPending} data-testid="reset-submit">
            {t('accounts.savePassword')}
          </Button>
        </Stack>
      </form>
    </AuthFrame>
  );
}

import { Alert, Button, Loader, PasswordInput, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../ui/ErrorAlert';
import { AuthFrame } from '../../ui/AuthFrame';
import { homeFor, pickTenant, useDemoSeeding, useLogin, useMe, useTenants } from './api';

export default function LoginPage() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const search = useSearch({ from: '/login' });
  const me = useMe();
  const tenants = useTenants();
  const seeding = useDemoSeeding();
  const login = useLogin();
  const [tenant, setTenant] = useState<string | null>(search.tenant ?? null);
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [noTenant, setNoTenant] = useState(false);

  // Already logged in: go straight to a tenant.
  useEffect(() => {
    if (me.data && !login.isPending) {
      const home = homeFor(me.data, tenant);
      if (home) void navigate({ href: home, replace: true });
    }
  }, [me.data]);

  const tenantOptions = (tenants.data?.items ?? []).map((x) => ({ value: x.slug, label: i18n.language === 'en' ? x.nameEn : x.nameTh }));

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    setNoTenant(false);
    login.mutate(
      { email: email.trim(), password },
      {
        onSuccess: (result) => {
          const home = homeFor(result, tenant);
          if (!home) {
            setNoTenant(true);
            return;
          }
          const slug = pickTenant(result, tenant);
          const next = search.next && slug && search.next.startsWith(`/t/${slug}/`) ? search.next : null;
          void navigate({ href: result.user.mustChangePassword || !next ? home : next, replace: true });
        },
      },
    );
  }

  return (
    <AuthFrame>
      <form onSubmit={onSubmit} data-testid="login-form" noValidate>
        <Stack>
          <Title order={2} size="h3">
            {t('login.title')}
          </Title>
          {seeding ? (
            <Alert color="blue" icon={<Loader size="xs" aria-hidden />} role="status" data-testid="login-seeding">
              {t('login.preparingDemo')}
            </Alert>
          ) : null}
          {tenantOptions.length > 0 ? (
            <Select
              label={t('login.tenant')}
              description={t('login.tenantHint')}
              data={tenantOptions}
              value={tenant}
              onChange={setTenant}
              clearable
              searchable
              nothingFoundMessage={t('common.nothingFound')}
              data-testid="login-tenant"
            />
          ) : null}
          <TextInput
            label={t('login.email')}
            type="email"
            autoComplete="username"
            required
            value={email}
            onChange={(e) => setEmail(e.currentTarget.value)}
            data-testid="login-email"
          />
          <PasswordInput
            label={t('login.password')}
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
            data-testid="login-password"
            visibilityToggleButtonProps={{ 'aria-label': t('login.togglePassword') }}
          />
          {login.isError ? (
            <Alert color="red" icon={<IconAlertCircle aria-hidden />} role="alert" data-testid="login-error">
              {errorText(login.error, t)}
            </Alert>
          ) : null}
          {noTenant ? (
            <Alert color="orange" role="alert">
              {t('login.noTenant')}
            </Alert>
          ) : null}
          <Button type="submit" loading={login.isPending} data-testid="login-submit">
            {t('login.submit')}
          </Button>
          <Text size="sm" c="dimmed">
            {t('login.forgot')}
          </Text>
        </Stack>
      </form>
    </AuthFrame>
  );
}

import { Alert, Box, Button, Center, Group, Paper, PasswordInput, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../ui/ErrorAlert';
import { LanguageSwitch } from '../shell/LanguageSwitch';
import { pickTenant, useLogin, useMe, useTenants } from './api';

export default function LoginPage() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const search = useSearch({ from: '/login' });
  const me = useMe();
  const tenants = useTenants();
  const login = useLogin();
  const [tenant, setTenant] = useState<string | null>(search.tenant ?? null);
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [noTenant, setNoTenant] = useState(false);

  // Already logged in: go straight to a tenant.
  useEffect(() => {
    if (me.data && !login.isPending) {
      const slug = pickTenant(me.data, tenant);
      if (slug) void navigate({ to: '/t/$tenant', params: { tenant: slug }, replace: true });
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
          const slug = pickTenant(result, tenant);
          if (!slug) {
            setNoTenant(true);
            return;
          }
          if (search.next && search.next.startsWith(`/t/${slug}/`)) {
            void navigate({ href: search.next, replace: true });
          } else {
            void navigate({ to: '/t/$tenant', params: { tenant: slug }, replace: true });
          }
        },
      },
    );
  }

  return (
    <Box mih="100vh" bg="gray.0" py="xl" px="md">
      <Group justify="flex-end" maw={440} mx="auto" mb="md">
        <LanguageSwitch />
      </Group>
      <Center>
        <Paper withBorder shadow="sm" p="xl" radius="md" w="100%" maw={440} component="main">
          <Stack gap="xs" mb="lg">
            <Title order={1} c="teal.9">
              {t('app.name')}
            </Title>
            <Text>{t('app.tagline')}</Text>
          </Stack>
          <form onSubmit={onSubmit} data-testid="login-form" noValidate>
            <Stack>
              <Title order={2} size="h3">
                {t('login.title')}
              </Title>
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
            </Stack>
          </form>
        </Paper>
      </Center>
    </Box>
  );
}

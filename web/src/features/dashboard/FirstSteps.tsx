import { Paper, Stack, Text, ThemeIcon, Title, Group } from '@mantine/core';
import { IconCircleCheck, IconCircleDashed } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { usePermissions, useTenant } from '../../context/tenant';
import { AnchorLink } from '../../ui/links';
import { useInvitations } from '../accounts/api';
import { useUsers } from '../users/api';

/**
 * A new local government opens on what to do first: bring in the partner registry, set up the networks,
 * invite the officers. Shown until the tenant has partners and networks; each step ticks itself off.
 */
export function FirstSteps({ partners, networks }: { partners: number; networks: number }) {
  const { t } = useTranslation();
  const { slug } = useTenant();
  const can = usePermissions();
  const users = useUsers(slug, can.manageUsers);
  const invitations = useInvitations(slug, can.manageUsers);
  const invited = (users.data?.length ?? 0) > 1 || (invitations.data?.items.length ?? 0) > 0;
  const steps = [
    { key: 'partners', done: partners > 0, to: '/t/$tenant/partners/import' as const, show: can.importPartners },
    { key: 'networks', done: networks > 0, to: '/t/$tenant/networks/new' as const, show: can.createNetwork },
    { key: 'officers', done: invited, to: '/t/$tenant/users' as const, show: can.manageUsers },
  ].filter((s) => s.show);
  if (!steps.length) return null;
  return (
    <Paper withBorder p="md" radius="md" data-testid="first-steps">
      <Stack gap="sm">
        <Title order={2} size="h3">
          {t('firstSteps.title')}
        </Title>
        <Text c="dimmed">{t('firstSteps.intro')}</Text>
        <Stack component="ol" gap="xs" m={0} p={0} style={{ listStyle: 'none' }}>
          {steps.map((s) => (
            <Group component="li" key={s.key} gap="sm" wrap="nowrap" align="flex-start" data-done={s.done}>
              <ThemeIcon variant="light" color={s.done ? 'teal' : 'gray'} radius="xl" aria-hidden>
                {s.done ? <IconCircleCheck size={18} /> : <IconCircleDashed size={18} />}
              </ThemeIcon>
              <Stack gap={0}>
                <AnchorLink to={s.to} params={{ tenant: slug }} fw={600}>
                  {t(`firstSteps.${s.key}`)}
                </AnchorLink>
                <Text size="sm" c="dimmed">
                  {s.done ? t('firstSteps.done') : t(`firstSteps.${s.key}Hint`)}
                </Text>
              </Stack>
            </Group>
          ))}
        </Stack>
      </Stack>
    </Paper>
  );
}

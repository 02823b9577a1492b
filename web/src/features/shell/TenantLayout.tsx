import { AppShell, Avatar, Burger, Button, Group, Menu, ScrollArea, Stack, Text, UnstyledButton } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import {
  IconAddressBook,
  IconBuildingCommunity,
  IconKey,
  IconCoin,
  IconBook,
  IconCalendarStats,
  IconTargetArrow,
  IconHandStop,
  IconChevronDown,
  IconGavel,
  IconListDetails,
  IconDroplet,
  IconScale,
  IconHistory,
  IconShieldLock,
  IconLayoutDashboard,
  IconLogout,
  IconNetwork,
  IconPresentation,
  IconSwitchHorizontal,
  IconTopologyStar3,
  IconUser,
  IconUsers,
  IconUsersGroup,
} from '@tabler/icons-react';
import { Outlet, useLocation, useNavigate, useParams } from '@tanstack/react-router';
import { Suspense, useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { permissions, TenantContext, type TenantContextValue } from '../../context/tenant';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { Loading } from '../../ui/Loading';
import { NavLinkItem } from '../../ui/links';
import { RedirectTo, RedirectToLogin, useLogout, useMe } from '../auth';
import { GlobalSearch } from '../search';
import { LanguageSwitch } from '../../ui/LanguageSwitch';
import { NotificationBell } from '../notifications';

export default function TenantLayout() {
  const { t, i18n } = useTranslation();
  const { tenant: slug } = useParams({ strict: false }) as { tenant: string };
  const me = useMe();
  const logout = useLogout();
  const navigate = useNavigate();
  const location = useLocation();
  const [opened, { toggle, close }] = useDisclosure(false);
  const loggingOut = useRef(false); // after logging out, the login page opens without a page to return to

  // Close the phone navbar after navigating.
  useEffect(() => close(), [location.pathname, close]);

  const ctx = useMemo<TenantContextValue | null>(() => {
    if (!me.data) return null;
    const tenant = me.data.tenants.find((x) => x.slug === slug);
    return tenant ? { slug, tenant, me: me.data, role: tenant.role } : null;
  }, [me.data, slug]);

  if (me.isPending) return <Loading minHeight={320} />;
  if (me.isError) return <ErrorAlert error={me.error} />;
  if (!me.data) return <RedirectToLogin tenant={slug} next={loggingOut.current ? undefined : location.href} />;
  if (me.data.user.mustChangePassword) return <RedirectTo href="/account/password" />;
  if (!ctx) {
    return (
      <Stack p="xl" maw={560} mx="auto">
        <Text role="alert">{t('shell.noAccess')}</Text>
        <Button variant="default" onClick={() => void navigate({ to: '/' })}>
          {t('common.backHome')}
        </Button>
      </Stack>
    );
  }

  const can = permissions(ctx.role);
  const tenantName = i18n.language === 'en' ? ctx.tenant.nameEn : ctx.tenant.nameTh;
  const base = { tenant: slug };
  const path = location.pathname;
  const under = (p: string) => path === `/t/${slug}${p}` || path.startsWith(`/t/${slug}${p}/`);

  const nav = [
    { to: '/t/$tenant' as const, label: t('nav.dashboard'), icon: IconLayoutDashboard, active: path === `/t/${slug}` || path === `/t/${slug}/`, show: true },
    { to: '/t/$tenant/networks' as const, label: t('nav.networks'), icon: IconNetwork, active: under('/networks'), show: true },
    { to: '/t/$tenant/partners' as const, label: t('nav.partners'), icon: IconAddressBook, active: under('/partners'), show: true },
    { to: '/t/$tenant/plans' as const, label: t('nav.plans'), icon: IconCalendarStats, active: under('/plans'), show: true },
    { to: '/t/$tenant/committees' as const, label: t('nav.committees'), icon: IconGavel, active: under('/committees') || under('/meetings'), show: true },
    { to: '/t/$tenant/local-plans' as const, label: t('nav.localPlans'), icon: IconListDetails, active: under('/local-plans'), show: true },
    { to: '/t/$tenant/water' as const, label: t('nav.water'), icon: IconDroplet, active: under('/water'), show: true },
    { to: '/t/$tenant/regulations' as const, label: t('nav.regulations'), icon: IconScale, active: under('/regulations'), show: true },
    { to: '/t/$tenant/strategy' as const, label: t('nav.strategy'), icon: IconTargetArrow, active: under('/strategy'), show: true },
    { to: '/t/$tenant/participation' as const, label: t('nav.participation'), icon: IconHandStop, active: under('/participation'), show: true },
    { to: '/t/$tenant/knowledge' as const, label: t('nav.knowledge'), icon: IconBook, active: under('/knowledge'), show: true },
    { to: '/t/$tenant/forums' as const, label: t('nav.forums'), icon: IconPresentation, active: under('/forums'), show: true },
    { to: '/t/$tenant/my' as const, label: t('nav.my'), icon: IconUser, active: under('/my'), show: true },
    {
      to: '/t/$tenant/teams' as const,
      label: t('nav.manpower'),
      icon: IconUsersGroup,
      active: under('/teams') || under('/tasks') || under('/volunteer-hours'),
      show: true,
    },
    { to: '/t/$tenant/budget' as const, label: t('nav.budget'), icon: IconCoin, active: under('/budget'), show: true },
    { to: '/t/$tenant/relationships' as const, label: t('nav.relationships'), icon: IconTopologyStar3, active: under('/relationships'), show: true },
    { to: '/t/$tenant/users' as const, label: t('nav.users'), icon: IconUsers, active: under('/users'), show: can.manageUsers },
    { to: '/t/$tenant/audit' as const, label: t('nav.audit'), icon: IconHistory, active: under('/audit'), show: can.viewAudit },
    { to: '/t/$tenant/privacy' as const, label: t('nav.privacy'), icon: IconShieldLock, active: under('/privacy'), show: can.exportPersonalData },
  ];

  const roleLabel = me.data.user.isPlatformAdmin ? t('role.platform_admin') : t(`role.${ctx.role}`);
  const otherTenants = me.data.tenants.filter((x) => x.slug !== slug);

  return (
    <TenantContext.Provider value={ctx}>
      <AppShell header={{ height: 60 }} navbar={{ width: 240, breakpoint: 'sm', collapsed: { mobile: !opened } }} padding="md">
        <AppShell.Header>
          <Group h="100%" px="md" justify="space-between" wrap="nowrap" gap="xs">
            <Group gap="sm" wrap="nowrap" style={{ minWidth: 0 }}>
              <Burger
                opened={opened}
                onClick={toggle}
                hiddenFrom="sm"
                size="sm"
                aria-label={opened ? t('shell.closeMenu') : t('shell.openMenu')}
                aria-expanded={opened}
              />
              <Text fw={700} fz="xl" c="teal.9" style={{ flexShrink: 0 }}>
                {t('app.name')}
              </Text>
              <Text fw={500} truncate="end" style={{ minWidth: 0 }} data-testid="tenant-name">
                {tenantName}
              </Text>
            </Group>
            <Group gap="xs" wrap="nowrap" style={{ flexShrink: 0 }}>
              <GlobalSearch />
              <LanguageSwitch />
              <NotificationBell tenant={slug} />
              <Menu position="bottom-end" withinPortal>
                <Menu.Target>
                  <UnstyledButton aria-label={t('shell.userMenu', { name: me.data.user.name })} data-testid="user-menu">
                    <Group gap={6} wrap="nowrap">
                      <Avatar size="sm" color="teal" variant="filled" aria-hidden>
                        <IconUser size={16} />
                      </Avatar>
                      <Text size="sm" visibleFrom="md" truncate="end" maw={160}>
                        {me.data.user.name}
                      </Text>
                      <IconChevronDown size={14} aria-hidden />
                    </Group>
                  </UnstyledButton>
                </Menu.Target>
                <Menu.Dropdown>
                  <Menu.Label>
                    {me.data.user.email}
                    <br />
                    {roleLabel}
                  </Menu.Label>
                  {otherTenants.length > 0 ? (
                    <>
                      <Menu.Divider />
                      <Menu.Label>{t('shell.switchTenant')}</Menu.Label>
                      {otherTenants.slice(0, 8).map((x) => (
                        <Menu.Item
                          key={x.slug}
                          leftSection={<IconSwitchHorizontal size={16} aria-hidden />}
                          onClick={() => void navigate({ to: '/t/$tenant', params: { tenant: x.slug } })}
                        >
                          {i18n.language === 'en' ? x.nameEn : x.nameTh}
                        </Menu.Item>
                      ))}
                    </>
                  ) : null}
                  <Menu.Divider />
                  <Menu.Item
                    leftSection={<IconKey size={16} aria-hidden />}
                    onClick={() => void navigate({ to: '/account/password' })}
                    data-testid="change-password"
                  >
                    {t('accounts.changeTitle')}
                  </Menu.Item>
                  {me.data.user.isPlatformAdmin ? (
                    <Menu.Item
                      leftSection={<IconBuildingCommunity size={16} aria-hidden />}
                      onClick={() => void navigate({ to: '/admin/tenants' })}
                      data-testid="admin-tenants"
                    >
                      {t('admin.title')}
                    </Menu.Item>
                  ) : null}
                  <Menu.Item
                    color="red"
                    leftSection={<IconLogout size={16} aria-hidden />}
                    onClick={() => {
                      loggingOut.current = true;
                      logout.mutate(); // the session query becomes empty and RedirectToLogin takes over
                    }}
                    data-testid="logout"
                  >
                    {t('shell.logout')}
                  </Menu.Item>
                </Menu.Dropdown>
              </Menu>
            </Group>
          </Group>
        </AppShell.Header>

        <AppShell.Navbar p="xs" aria-label={t('shell.mainNav')}>
          <AppShell.Section grow component={ScrollArea}>
            {nav
              .filter((n) => n.show)
              .map((n) => (
                <NavLinkItem
                  key={n.to}
                  to={n.to}
                  params={base}
                  label={n.label}
                  leftSection={<n.icon size={18} aria-hidden />}
                  active={n.active}
                  activeOptions={{ exact: n.to === '/t/$tenant' }}
                  variant="light"
                  mb={2}
                />
              ))}
          </AppShell.Section>
          <AppShell.Section>
            <Text size="xs" c="dimmed" px="sm" py="xs">
              {t('shell.signedInAs', { role: roleLabel })}
            </Text>
          </AppShell.Section>
        </AppShell.Navbar>

        <AppShell.Main>
          <Suspense fallback={<Loading minHeight={320} />}>
            <Outlet />
          </Suspense>
        </AppShell.Main>
      </AppShell>
    </TenantContext.Provider>
  );
}

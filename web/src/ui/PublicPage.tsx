import { Stack, Text, Title } from '@mantine/core';
import { type ReactNode, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from './ErrorAlert';
import { useLang } from './hooks';
import { Loading } from './Loading';
import { PublicShell } from './PublicShell';

/** The municipality a public answer is about, in both languages. */
export interface PublicTenant {
  nameTh: string;
  nameEn: string;
}

/**
 * A public (no sign-in) page: the shell, then the municipality's name over the page's title, its subtitle and links,
 * then the page's own content; the browser tab reads "title · municipality" (the app's name until the answer comes).
 */
export function PublicPage({
  tenant,
  title,
  subtitle,
  links,
  children,
}: {
  tenant: PublicTenant | undefined;
  title: string;
  subtitle?: ReactNode;
  links?: ReactNode;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const name = tenant ? (lang === 'en' ? tenant.nameEn : tenant.nameTh) : '';
  useEffect(() => {
    document.title = `${title} · ${name || t('app.name')}`;
  }, [t, title, name]);
  return (
    <PublicShell>
      <Stack gap="md">
        <Stack gap={4}>
          {name && <Text fw={600}>{name}</Text>}
          <Title order={1}>{title}</Title>
          {subtitle ? <Text c="dimmed">{subtitle}</Text> : null}
          {links}
        </Stack>
        {children}
      </Stack>
    </PublicShell>
  );
}

/** A public list's body: a spinner, the error, a line saying there is nothing, or the items as the page draws them. */
export function PublicItems<T>({
  query,
  empty,
  children,
}: {
  query: { isPending: boolean; isError: boolean; error: unknown; data: { items: T[] } | undefined };
  empty: string;
  children: (items: T[]) => ReactNode;
}) {
  if (query.isPending) return <Loading />;
  if (query.isError) return <ErrorAlert error={query.error} />;
  if (!query.data) return null;
  return query.data.items.length === 0 ? <Text c="dimmed">{empty}</Text> : children(query.data.items);
}

import { Container, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { AnchorLink } from '../ui/links';

export function NotFound() {
  const { t } = useTranslation();
  return (
    <Container size="sm" py="xl">
      <Stack>
        <Title order={1}>{t('errors.pageNotFoundTitle')}</Title>
        <Text>{t('errors.pageNotFound')}</Text>
        <AnchorLink to="/">{t('common.backHome')}</AnchorLink>
      </Stack>
    </Container>
  );
}

import { Card, type CardProps, Group, type MantineSpacing, Stack, Text, Title } from '@mantine/core';
import { type ReactNode, useId } from 'react';

/**
 * A section of a page or form: a bordered card named by its heading (an h2 drawn at h3 size; the card is a `section`
 * whose accessible name is the heading). `actions` stand at the heading's right (an "add" button); `description` is a
 * dimmed line under it, announced when it changes (a running total). `gap` is the space below the heading; `id` names
 * the heading where the page scrolls to it.
 */
export function SectionCard({
  id: givenId,
  title,
  description,
  actions,
  gap = 'sm',
  children,
  ...card
}: {
  id?: string;
  title: ReactNode;
  description?: ReactNode;
  actions?: ReactNode;
  gap?: MantineSpacing;
  children: ReactNode;
  'data-testid'?: string;
} & Omit<CardProps, 'title' | 'children'>) {
  const ownId = useId();
  const id = givenId ?? ownId;

  const heading = (
    <Title order={2} size="h3" id={id} mb={actions || description ? undefined : gap}>
      {title}
    </Title>
  );
  return (
    <Card withBorder radius="md" component="section" aria-labelledby={id} {...card}>
      {actions || description ? (
        <Group justify="space-between" mb={gap} wrap="wrap" gap="sm">
          <Stack gap={4}>
            {heading}
            {description ? (
              <Text size="sm" c="dimmed" aria-live="polite">
                {description}
              </Text>
            ) : null}
          </Stack>
          {actions}
        </Group>
      ) : (
        heading
      )}
      {children}
    </Card>
  );
}

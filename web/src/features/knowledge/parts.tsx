import { Badge, Group, Text, Typography } from '@mantine/core';
import { IconLock, IconUsersGroup, IconWorld } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { KnowledgeType, KnowledgeVisibility } from '../../../../common/schemas/knowledge';
import { formatDateTime } from '../../ui/dates';
import { enumLabel } from '../../ui/enums';
import { useLang } from '../../ui/hooks';

import { KNOWLEDGE_TYPE_COLORS, VISIBILITY_COLORS } from '../../ui/knowledgeEnums';

/** Badges truncate by default; keep their full label. */
const NO_SHRINK = { flexShrink: 0, minWidth: 'max-content' } as const;

export function KnowledgeTypeBadge({ type }: { type: KnowledgeType }) {
  const { t } = useTranslation();
  return (
    <Badge color={KNOWLEDGE_TYPE_COLORS[type]} variant="light" style={NO_SHRINK}>
      {enumLabel(t, 'knowledgeType', type)}
    </Badge>
  );
}

const VISIBILITY_ICONS = { network: IconLock, tenant: IconUsersGroup, public: IconWorld } as const;

export function VisibilityBadge({ visibility }: { visibility: KnowledgeVisibility }) {
  const { t } = useTranslation();
  const Icon = VISIBILITY_ICONS[visibility];
  return (
    <Badge color={VISIBILITY_COLORS[visibility]} variant="outline" leftSection={<Icon size={12} aria-hidden />} style={NO_SHRINK}>
      {enumLabel(t, 'visibility', visibility)}
    </Badge>
  );
}

export function TagList({ tags, max }: { tags: string[]; max?: number }) {
  const { t } = useTranslation();
  if (!tags.length) return null;
  const shown = max ? tags.slice(0, max) : tags;
  return (
    <Group gap={4}>
      {shown.map((tag) => (
        <Badge key={tag} color="gray" variant="outline" size="sm" tt="none" className="break-words" style={{ maxWidth: '100%' }}>
          #{tag}
        </Badge>
      ))}
      {max && tags.length > max ? (
        <Text size="xs" span>
          {t('common.andMore', { count: tags.length - max })}
        </Text>
      ) : null}
    </Group>
  );
}

/** "1.2 MB" / "820 KB", in the reader's number format. */
export function formatBytes(n: number, lang: 'th' | 'en'): string {
  const locale = lang === 'en' ? 'en-US' : 'th-TH';
  if (n < 1024) return `${new Intl.NumberFormat(locale).format(n)} B`;
  if (n < 1024 * 1024) return `${new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(n / 1024)} KB`;
  return `${new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(n / (1024 * 1024))} MB`;
}

/**
 * HTML rendered from Markdown by the server (markdown-it with raw HTML off, then sanitize-html with an
 * allowlist of tags, attributes and URL schemes: see server/modules/knowledge/markdown.ts). Only that
 * server-sanitised HTML may be given here; it is safe to inject as it is.
 */
export function RichText({ html, testId }: { html: string; testId?: string }) {
  return <Typography className="rich-text" data-testid={testId} dangerouslySetInnerHTML={{ __html: html }} />;
}

/** A version's line in a list: when and by whom it was saved (`size` of that line), then the editor's note. */
export function VersionStamp({ version, size }: { version: { createdAt: string; editedBy: string | null; note: string | null }; size: 'xs' | 'sm' }) {
  const lang = useLang();
  return (
    <>
      <Text size={size} c="dimmed">
        <time dateTime={version.createdAt}>{formatDateTime(version.createdAt, lang)}</time>
        {version.editedBy ? ` · ${version.editedBy}` : ''}
      </Text>
      {version.note ? (
        <Text size="sm" className="break-words">
          {version.note}
        </Text>
      ) : null}
    </>
  );
}

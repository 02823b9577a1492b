import { Alert, Badge, Box, Button, Collapse, Group, Paper, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { IconChevronDown, IconChevronUp, IconInfoCircle } from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import { formatBaht } from '../../../../common/thai/money';
import th from '../../i18n/th.json';
import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '../../../../common/schemas';
import { currentLang } from '../../i18n';
import { AUDIT_ACTIONS, type AuditSearch, useListAddress } from '../../context/search';
import { usePermissions, useTenant } from '../../context/tenant';
import { actionText, actorText, entityText } from '../../ui/audit';
import { formatDate, formatDateTime } from '../../ui/dates';
import { enumLabel } from '../../ui/enums';
import { useIsDesktop, useLang } from '../../ui/hooks';
import { FilterSelect } from '../../ui/ListFilters';
import { ListPage } from '../../ui/ListPage';
import { useAudit } from './api';
import '../budget/i18n';
import '../committees/i18n';
import '../localplans/i18n';
import '../manpower/i18n';

const PAGE_SIZE = 25;
/** Every entity the log may name, in the order of the app's menu (the filter; names from audit.entity). */
const ENTITIES = Object.keys(th.audit.entity).filter((e) => e !== 'member' && e !== 'import');
const ACTION_COLORS: Record<string, string> = { create: 'teal', update: 'blue', delete: 'red' };

/** Audited fields whose values are enumeration keys, and the i18n enum that labels them. */
const ENUM_FIELDS: Record<string, string> = {
  stage: 'stage',
  fromStage: 'stage',
  toStage: 'stage',
  pillar: 'pillar',
  sector: 'sector',
  kind: 'kind',
  orgType: 'orgType',
  issues: 'issue',
  consentLawfulBasis: 'lawfulBasis',
  lawfulBasis: 'lawfulBasis',
  type: 'relationshipType',
};

/** Enumeration values whose labels depend on the entity (a fund's kind is not a partner's; statuses differ by module). */
const STATUS_LABELS: Record<string, string> = {
  ledger_transaction: 'budget.status',
  plan: 'enum.workStatus',
  plan_project: 'enum.workStatus',
  plan_activity: 'enum.workStatus',
  task: 'manpower.taskStatus',
  volunteer_hours: 'manpower.hourStatus',
  local_plan_project: 'localPlans.status',
  local_plan_assignment: 'localPlans.status',
};
function entityEnumKey(field: string | undefined, entity: string | undefined): string | undefined {
  if (field === 'kind' && entity === 'budget_fund') return 'budget.fundKind';
  if (field === 'kind' && entity === 'ledger_transaction') return 'budget.kind';
  if (field === 'kind' && entity === 'knowledge_attachment') return 'enum.attachmentKind';
  if (field === 'status' && entity) return STATUS_LABELS[entity];
  if (field === 'minutesStatus') return 'meeting.minutesStatus';
  if (field === 'decision') return 'audit.decision';
  if (field === 'visibility') return 'enum.visibility';
  return undefined;
}

function show(v: unknown, t: TFunction, field?: string, entity?: string): string {
  if (v === null || v === undefined || v === '') return '—';
  // money is integer satang: shown in baht; a fund's kind is a fund kind, not a partner kind
  if (field?.endsWith('Satang') && typeof v === 'number') return formatBaht(v, currentLang());
  if (typeof v === 'string') {
    const key = entityEnumKey(field, entity);
    if (key) return t(`${key}.${v}`, { defaultValue: v });
  }
  let enumName = field ? ENUM_FIELDS[field] : undefined;
  if (field === 'role') enumName = entity === 'user' ? 'role' : 'memberRole';
  if (enumName && typeof v === 'string') return enumLabel(t, enumName, v);
  if (enumName && Array.isArray(v)) return v.length ? v.map((x) => enumLabel(t, enumName, String(x))).join(', ') : '—';
  if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v)) return formatDate(v, currentLang());
  if (Array.isArray(v)) return v.length ? v.map((x) => (typeof x === 'object' ? JSON.stringify(x) : String(x))).join(', ') : '—';
  if (typeof v === 'boolean') return v ? t('common.yes') : t('common.no');
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

function Changes({ e }: { e: AuditEntry }) {
  const { t } = useTranslation();
  const entries = Object.entries(e.changes ?? {});
  if (!entries.length) return <Text size="sm">{t('audit.noChanges')}</Text>;
  return (
    <div className="table-scroll">
      <Table withTableBorder fz="sm" layout="fixed" miw={420}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w="28%">{t('audit.field')}</Table.Th>
            <Table.Th>{t('audit.before')}</Table.Th>
            <Table.Th>{t('audit.after')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {entries.map(([field, c]) => (
            <Table.Tr key={field}>
              <Table.Td className="break-words">{t(`field.${field}`, { defaultValue: field })}</Table.Td>
              <Table.Td className="break-words">
                <del style={{ textDecoration: c.before === null || c.before === undefined ? 'none' : undefined }}>{show(c.before, t, field, e.entity)}</del>
              </Table.Td>
              <Table.Td className="break-words">
                <ins style={{ textDecoration: 'none', fontWeight: 500 }}>{show(c.after, t, field, e.entity)}</ins>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </div>
  );
}

function ToggleButton({ e, open, onClick }: { e: AuditEntry; open: boolean; onClick: () => void }) {
  const { t } = useTranslation();
  const n = Object.keys(e.changes ?? {}).length;
  if (!n) return <Text size="sm">—</Text>;
  return (
    <Button
      size="compact-sm"
      variant="subtle"
      onClick={onClick}
      aria-expanded={open}
      aria-controls={`changes-${e.id}`}
      rightSection={open ? <IconChevronUp size={14} aria-hidden /> : <IconChevronDown size={14} aria-hidden />}
    >
      {t('audit.showChanges', { count: n })}
    </Button>
  );
}

export default function AuditPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const desktop = useIsDesktop();
  const { slug } = useTenant();
  const can = usePermissions();
  const address = useListAddress('/t/$tenant/audit');
  const { search, page, set } = address;
  const q = useAudit(slug, { page, pageSize: PAGE_SIZE, entity: search.entity, action: search.action });
  const [open, setOpen] = useState<Record<string, boolean>>({});
  const toggle = (id: string) => setOpen((o) => ({ ...o, [id]: !o[id] }));

  if (!can.viewAudit) {
    return (
      <Alert color="orange" icon={<IconInfoCircle aria-hidden />}>
        {t('errors.forbidden')}
      </Alert>
    );
  }

  return (
    <ListPage
      title={t('audit.title')}
      subtitle={t('audit.subtitle')}
      filters={
        <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm">
          <FilterSelect
            label={t('audit.entityLabel')}
            value={search.entity}
            data={ENTITIES.map((e) => ({ value: e, label: entityText(t, e) }))}
            onChange={(v) => set({ entity: v })}
          />
          <FilterSelect
            label={t('audit.actionLabel')}
            value={search.action}
            data={AUDIT_ACTIONS.map((a) => ({ value: a, label: actionText(t, a) }))}
            onChange={(v) => set({ action: v as AuditSearch['action'] })}
          />
        </SimpleGrid>
      }
      query={q}
      paging={address}
      pageSize={PAGE_SIZE}
      render={(items) =>
        items.length === 0 ? (
          <Paper withBorder p="lg">
            <Text ta="center">{t('audit.empty')}</Text>
          </Paper>
        ) : desktop ? (
          <div className="table-scroll">
            <Table withTableBorder striped data-testid="audit-list">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th className="nowrap">{t('audit.time')}</Table.Th>
                  <Table.Th>{t('audit.actor')}</Table.Th>
                  <Table.Th>{t('audit.actionLabel')}</Table.Th>
                  <Table.Th>{t('audit.entityLabel')}</Table.Th>
                  <Table.Th>{t('audit.label')}</Table.Th>
                  <Table.Th>{t('audit.changes')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((e) => (
                  <Fragment key={e.id}>
                    <Table.Tr>
                      <Table.Td className="nowrap">
                        <time dateTime={e.createdAt}>{formatDateTime(e.createdAt, lang)}</time>
                      </Table.Td>
                      <Table.Td>{actorText(t, e)}</Table.Td>
                      <Table.Td>
                        <Badge color={ACTION_COLORS[e.action] ?? 'gray'}>{actionText(t, e.action)}</Badge>
                      </Table.Td>
                      <Table.Td>{entityText(t, e.entity)}</Table.Td>
                      <Table.Td className="break-words">{e.entityLabel ?? '—'}</Table.Td>
                      <Table.Td>
                        <ToggleButton e={e} open={!!open[e.id]} onClick={() => toggle(e.id)} />
                      </Table.Td>
                    </Table.Tr>
                    {open[e.id] ? (
                      <Table.Tr id={`changes-${e.id}`}>
                        <Table.Td colSpan={6} bg="gray.0">
                          <Changes e={e} />
                        </Table.Td>
                      </Table.Tr>
                    ) : null}
                  </Fragment>
                ))}
              </Table.Tbody>
            </Table>
          </div>
        ) : (
          <Stack gap="sm" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }} data-testid="audit-list">
            {items.map((e) => (
              <Paper component="li" withBorder p="sm" key={e.id}>
                <Group justify="space-between" gap={4}>
                  <Badge color={ACTION_COLORS[e.action] ?? 'gray'}>{actionText(t, e.action)}</Badge>
                  <Text size="sm">
                    <time dateTime={e.createdAt}>{formatDateTime(e.createdAt, lang)}</time>
                  </Text>
                </Group>
                <Text fw={700} mt={4} className="break-words">
                  {entityText(t, e.entity)}: {e.entityLabel ?? '—'}
                </Text>
                <Text size="sm">{actorText(t, e)}</Text>
                <Box mt={4}>
                  <ToggleButton e={e} open={!!open[e.id]} onClick={() => toggle(e.id)} />
                </Box>
                <Collapse expanded={!!open[e.id]} id={`changes-${e.id}`}>
                  <Box mt="xs">
                    <Changes e={e} />
                  </Box>
                </Collapse>
              </Paper>
            ))}
          </Stack>
        )
      }
    />
  );
}

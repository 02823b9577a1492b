import { Badge, Box, Group, Loader, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconAddressBook, IconArrowRight, IconBook, IconNetwork, IconPresentation, IconSearch } from '@tabler/icons-react';
import { useNavigate } from '@tanstack/react-router';
import { type KeyboardEvent, useEffect, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { GlobalHit, GlobalSearchResult } from '../../../../common/schemas/knowledge';
import { useTenant } from '../../context/tenant';
import { formatDate } from '../../ui/dates';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { formatNumber } from '../../ui/format';
import { Highlighted } from '../../ui/Highlighted';
import { useLang } from '../../ui/hooks';
import { useGlobalSearch } from './api';

type Kind = GlobalHit['kind'];
const KINDS: Kind[] = ['knowledge', 'network', 'partner', 'forum'];
const ICONS = { knowledge: IconBook, network: IconNetwork, partner: IconAddressBook, forum: IconPresentation } as const;

/** Forum subtitles start with the ISO date ("2025-03-04 · ศาลาวัด"): show it in B.E. */
function subtitleText(hit: GlobalHit, lang: 'th' | 'en'): string {
  const s = hit.subtitle ?? '';
  const m = /^(\d{4}-\d{2}-\d{2})(.*)$/.exec(s);
  return hit.kind === 'forum' && m ? `${formatDate(m[1], lang, 'long')}${m[2]}` : s;
}

/** One choosable row: a hit, or "see all" for a group. */
type Option = { id: string; kind: Kind; hit: GlobalHit | null };

/**
 * The search dialog's content: a combobox (the input) driving a listbox of grouped results. Arrow keys move
 * through the results, Enter opens one; the results come from GET /t/:tenant/search.
 */
export default function SearchPanel({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const { slug } = useTenant();
  const navigate = useNavigate();
  const base = useId();
  const [text, setText] = useState('');
  const [debounced] = useDebouncedValue(text, 250);
  const q = useGlobalSearch(slug, debounced);
  const [active, setActive] = useState(0);
  const data: GlobalSearchResult | undefined = debounced.trim() ? q.data : undefined;

  const groups = useMemo(
    () =>
      KINDS.map((kind) => {
        const hits = (data?.items ?? []).filter((h) => h.kind === kind);
        const total = data?.totals[kind] ?? 0;
        const options: Option[] = hits.map((h) => ({ id: `${base}-${kind}-${h.id}`, kind, hit: h }));
        if (total > hits.length || (kind === 'knowledge' && total > 0)) options.push({ id: `${base}-${kind}-all`, kind, hit: null });
        return { kind, total, options };
      }).filter((g) => g.options.length > 0),
    [data, base],
  );
  const flat = groups.flatMap((g) => g.options);
  const current = flat.length ? flat[Math.min(active, flat.length - 1)] : null;
  // keep the option chosen with the arrow keys in sight
  useEffect(() => {
    if (current) document.getElementById(current.id)?.scrollIntoView({ block: 'nearest' });
  }, [current]);

  function go(o: Option) {
    const tenant = slug;
    // Enter before any results: search the library for what was typed
    const query = o.id === 'all' ? text.trim() : (data?.q ?? text.trim());
    if (o.hit) {
      const id = o.hit.id;
      if (o.kind === 'knowledge') void navigate({ to: '/t/$tenant/knowledge/$id', params: { tenant, id } });
      else if (o.kind === 'network') void navigate({ to: '/t/$tenant/networks/$id', params: { tenant, id } });
      else if (o.kind === 'partner') void navigate({ to: '/t/$tenant/partners/$id', params: { tenant, id } });
      else void navigate({ to: '/t/$tenant/forums/$id', params: { tenant, id } });
    } else {
      if (o.kind === 'knowledge') void navigate({ to: '/t/$tenant/knowledge', params: { tenant }, search: { q: query } });
      else if (o.kind === 'network') void navigate({ to: '/t/$tenant/networks', params: { tenant }, search: { q: query } });
      else if (o.kind === 'partner') void navigate({ to: '/t/$tenant/partners', params: { tenant }, search: { q: query } });
      else void navigate({ to: '/t/$tenant/forums', params: { tenant }, search: { q: query } });
    }
    onDone();
  }

  function onKeyDown(e: KeyboardEvent<HTMLInputElement>) {
    if (!flat.length) {
      if (e.key === 'Enter' && text.trim()) {
        e.preventDefault();
        go({ id: 'all', kind: 'knowledge', hit: null });
      }
      return;
    }
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      setActive((a) => (a + 1) % flat.length);
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setActive((a) => (a - 1 + flat.length) % flat.length);
    } else if (e.key === 'Home' && e.ctrlKey) {
      setActive(0);
    } else if (e.key === 'Enter' && current) {
      e.preventDefault();
      go(current);
    }
  }

  const listId = `${base}-list`;
  const searching = !!debounced.trim() && q.isFetching;
  const empty = !!data && data.items.length === 0 && !q.isPlaceholderData;

  return (
    <Stack gap="sm">
      <TextInput
        data-autofocus
        type="search"
        label={t('search.label')}
        placeholder={t('search.placeholder')}
        value={text}
        onChange={(e) => {
          setText(e.currentTarget.value);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
        leftSection={<IconSearch size={16} aria-hidden />}
        rightSection={searching ? <Loader size={16} aria-hidden /> : null}
        enterKeyHint="search"
        autoComplete="off"
        role="combobox"
        aria-expanded={flat.length > 0}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={current?.id}
        data-testid="global-search-input"
      />
      <Text size="xs" c="dimmed" visibleFrom="sm">
        {t('search.hint')}
      </Text>
      {q.isError ? <ErrorAlert error={q.error} /> : null}
      <Box aria-live="polite" aria-atomic>
        {empty ? (
          <Text c="dimmed" ta="center" py="md" data-testid="global-search-empty">
            {t('search.nothing', { q: data?.q ?? '' })}
          </Text>
        ) : data && flat.length ? (
          <Text size="sm" c="dimmed" style={{ position: 'absolute', width: 1, height: 1, overflow: 'hidden', clip: 'rect(0 0 0 0)' }}>
            {t('search.count', { count: flat.length })}
          </Text>
        ) : null}
      </Box>
      <Box
        id={listId}
        role="listbox"
        aria-label={t('search.results')}
        style={{ opacity: q.isPlaceholderData ? 0.6 : 1 }}
        data-testid="global-search-results"
        hidden={!flat.length}
      >
        {groups.map((g) => {
          const Icon = ICONS[g.kind];
          const labelId = `${base}-${g.kind}-label`;
          return (
            <Box key={g.kind} role="group" aria-labelledby={labelId} mb="sm" data-kind={g.kind}>
              <Group gap={6} px="xs" py={4} id={labelId} role="presentation">
                <Icon size={16} aria-hidden />
                <Text size="sm" fw={700}>
                  {t(`search.kind.${g.kind}`)}
                </Text>
                <Badge size="xs" color="gray" variant="light">
                  {formatNumber(g.total, lang)}
                </Badge>
              </Group>
              {g.options.map((o) => {
                const selected = current?.id === o.id;
                return (
                  <Box
                    key={o.id}
                    id={o.id}
                    role="option"
                    aria-selected={selected}
                    onMouseDown={(e) => e.preventDefault()}
                    onClick={() => go(o)}
                    onMouseEnter={() => setActive(flat.indexOf(o))}
                    px="sm"
                    py={6}
                    style={{
                      cursor: 'pointer',
                      borderRadius: 'var(--mantine-radius-sm)',
                      background: selected ? 'var(--mantine-color-teal-0)' : undefined,
                      outline: selected ? '2px solid var(--mantine-color-teal-7)' : undefined,
                      outlineOffset: -2,
                    }}
                    data-testid={o.hit ? 'global-search-hit' : 'global-search-all'}
                  >
                    {o.hit ? (
                      <>
                        <Text fw={500} className="break-words">
                          {o.hit.title}
                        </Text>
                        {o.hit.subtitle ? (
                          <Text size="xs" c="dimmed" className="break-words">
                            {subtitleText(o.hit, lang)}
                          </Text>
                        ) : null}
                        {o.hit.snippet ? (
                          <Text size="sm" className="break-words" lineClamp={2}>
                            <Highlighted html={o.hit.snippet} />
                          </Text>
                        ) : null}
                      </>
                    ) : (
                      <Group gap={4} wrap="nowrap">
                        <Text size="sm" c="teal.9" fw={500}>
                          {t(`search.all.${o.kind}`, { n: formatNumber(g.total, lang) })}
                        </Text>
                        <IconArrowRight size={14} aria-hidden />
                      </Group>
                    )}
                  </Box>
                );
              })}
            </Box>
          );
        })}
      </Box>
    </Stack>
  );
}

import { Box, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Condition, Source } from '../../../../common/schemas/water';
import './i18n';

/** Colour and dash per condition: colour alone is not enough to tell them apart. */
export const CONDITION_STYLE: Record<Condition, { color: string; dash?: string }> = {
  good: { color: '#2b8a3e' },
  fair: { color: '#e67700', dash: '10 4' },
  poor: { color: '#d9480f', dash: '5 4' },
  broken: { color: '#c92a2a', dash: '2 4' },
};
const RIVER = '#1c7ed6';

const W = 1100;
const LEFT = 120;
const RIGHT = 40;
const MID = 230;
const H = 470;

interface Laid {
  s: Source;
  x: number;
  y: number;
}

/**
 * A schematic line diagram of one weir's canal system (no map): the river on the left, the weir across it, the main
 * canal running right from upstream to downstream, side canals branching up and down at their chainage, gates as
 * squares, a pond as a circle, a well as a ringed dot and a pump as a triangle; lines coloured (and dashed) by
 * condition; zone bands behind. Drawn from the sources list alone.
 */
export function CanalDiagram({ sources, weirId }: { sources: Source[]; weirId: string }) {
  const { t } = useTranslation();
  const weir = sources.find((s) => s.id === weirId)!;
  const children = (id: string) => sources.filter((s) => s.parentId === id);
  const main = children(weir.id).find((s) => s.kind === 'main_canal');
  const length = Math.max(main?.lengthM ?? 0, ...sources.filter((s) => s.parentId === main?.id).map((s) => s.chainageM + 1), 1);
  const xOf = (chainage: number) => LEFT + (chainage / length) * (W - LEFT - RIGHT);
  const onMain = main ? children(main.id) : [];
  const sides = onMain.filter((s) => s.kind === 'side_canal').sort((a, b) => a.chainageM - b.chainageM);
  const laidSides = sides.map((s, i) => {
    const up = i % 2 === 0;
    const long = Math.floor(i / 2) % 2 === 1;
    const len = long ? 150 : 85;
    return { s, x: xOf(s.chainageM), y0: MID, y1: up ? MID - len : MID + len, up };
  });
  // zone bands: between the midpoints of the last structure of one zone and the first of the next
  const zoneAt = ['upstream', 'midstream', 'downstream'] as const;
  const zoneX = zoneAt.map((z) => {
    const xs = onMain.filter((s) => s.zone === z).map((s) => xOf(s.chainageM));
    return xs.length ? { z, min: Math.min(...xs), max: Math.max(...xs) } : null;
  });
  const bands: { z: (typeof zoneAt)[number]; from: number; to: number }[] = [];
  zoneX.forEach((b, i) => {
    if (!b) return;
    const prev = zoneX.slice(0, i).reverse().find(Boolean);
    const next = zoneX.slice(i + 1).find(Boolean);
    bands.push({ z: b.z, from: prev ? (prev.max + b.min) / 2 : LEFT - 40, to: next ? (b.max + next.min) / 2 : W - 10 });
  });
  const BAND_FILL = { upstream: '#e7f5ff', midstream: '#f3f0ff', downstream: '#fff4e6' };

  const marks: Laid[] = [];
  for (const s of onMain) if (s.kind !== 'side_canal') marks.push({ s, x: xOf(s.chainageM), y: MID });
  for (const side of laidSides)
    for (const s of children(side.s.id)) {
      const f = Math.min(1, s.chainageM / Math.max(side.s.lengthM ?? 1, 1)) * 0.8 + 0.1;
      marks.push({ s, x: side.x, y: side.y0 + (side.y1 - side.y0) * f });
    }
  const style = (c: Condition) => CONDITION_STYLE[c];
  const label = t('water.diagram.label', { name: weir.name });

  return (
    <Box>
      <Box style={{ overflowX: 'auto' }} tabIndex={0} aria-label={label} data-testid="canal-diagram-scroll">
        <svg
          viewBox={`0 0 ${W} ${H}`}
          width={W}
          height={H}
          role="img"
          aria-labelledby="canal-title"
          data-testid="canal-diagram"
          style={{ display: 'block', minWidth: 900 }}
        >
          <title id="canal-title">{label}</title>
          {bands.map((b) => (
            <g key={b.z}>
              <rect x={b.from} y={20} width={b.to - b.from} height={H - 40} fill={BAND_FILL[b.z]} />
              <text x={(b.from + b.to) / 2} y={40} textAnchor="middle" fontSize={15} fontWeight={700} fill="#495057">
                {t(`water.zone.${b.z}`)}
              </text>
            </g>
          ))}
          {/* the river and the weir across it */}
          <line x1={60} y1={30} x2={60} y2={H - 30} stroke={RIVER} strokeWidth={10} opacity={0.5} />
          <text x={60} y={H - 12} textAnchor="middle" fontSize={13} fill="#1864ab">
            {t('water.diagram.river')}
          </text>
          <line x1={38} y1={MID} x2={82} y2={MID} stroke={style(weir.condition).color} strokeWidth={12} strokeDasharray={style(weir.condition).dash} />
          <text x={60} y={MID - 18} textAnchor="middle" fontSize={14} fontWeight={700}>
            {weir.name}
          </text>
          {main ? (
            <>
              <line
                x1={82}
                y1={MID}
                x2={W - RIGHT}
                y2={MID}
                stroke={style(main.condition).color}
                strokeWidth={7}
                strokeDasharray={style(main.condition).dash}
              />
              <text x={W - RIGHT} y={MID + 26} textAnchor="end" fontSize={13} fontWeight={700}>
                {main.name} →
              </text>
            </>
          ) : null}
          {laidSides.map(({ s, x, y0, y1, up }) => (
            <g key={s.id} data-testid="diagram-side-canal">
              <line x1={x} y1={y0} x2={x} y2={y1} stroke={style(s.condition).color} strokeWidth={4} strokeDasharray={style(s.condition).dash} />
              <text x={x} y={up ? y1 - 8 : y1 + 18} textAnchor="middle" fontSize={12}>
                {s.name}
              </text>
            </g>
          ))}
          {marks.map(({ s, x, y }) => {
            const c = style(s.condition).color;
            const title = `${t(`water.kind.${s.kind}`)} ${s.name} — ${t(`water.condition.${s.condition}`)}`;
            return (
              <g key={s.id} data-testid={`diagram-${s.kind}`}>
                <title>{title}</title>
                {s.kind === 'gate' ? (
                  <rect x={x - 7} y={y - 7} width={14} height={14} fill={c} stroke="#212529" strokeWidth={1.5} />
                ) : s.kind === 'reservoir' ? (
                  <circle cx={x + 22} cy={y} r={13} fill="#a5d8ff" stroke={c} strokeWidth={3} />
                ) : s.kind === 'well' ? (
                  <g>
                    <circle cx={x + 18} cy={y} r={8} fill="#fff" stroke={c} strokeWidth={3} />
                    <circle cx={x + 18} cy={y} r={3} fill={c} />
                  </g>
                ) : s.kind === 'pump' ? (
                  <polygon points={`${x},${y + 14} ${x - 10},${y + 32} ${x + 10},${y + 32}`} fill={c} stroke="#212529" strokeWidth={1} />
                ) : (
                  <circle cx={x} cy={y} r={6} fill={c} />
                )}
                {s.kind === 'reservoir' || s.kind === 'well' || s.kind === 'pump' ? (
                  <text
                    x={s.kind === 'pump' ? x : x + 38}
                    y={s.kind === 'pump' ? y + 48 : y + 4}
                    textAnchor={s.kind === 'pump' ? 'middle' : 'start'}
                    fontSize={11}
                    fill="#343a40"
                  >
                    {s.name}
                  </text>
                ) : null}
              </g>
            );
          })}
        </svg>
      </Box>
      <Legend />
    </Box>
  );
}

function Legend() {
  const { t } = useTranslation();
  return (
    <Group gap="lg" mt="xs" wrap="wrap" data-testid="diagram-legend" aria-label={t('water.diagram.legend')}>
      {(Object.keys(CONDITION_STYLE) as Condition[]).map((c) => (
        <Group key={c} gap={6} wrap="nowrap">
          <svg width={36} height={12} aria-hidden>
            <line x1={0} y1={6} x2={36} y2={6} stroke={CONDITION_STYLE[c].color} strokeWidth={4} strokeDasharray={CONDITION_STYLE[c].dash} />
          </svg>
          <Text size="sm">{t(`water.condition.${c}`)}</Text>
        </Group>
      ))}
      <Group gap={6} wrap="nowrap">
        <svg width={14} height={14} aria-hidden>
          <rect x={1} y={1} width={12} height={12} fill="#868e96" stroke="#212529" />
        </svg>
        <Text size="sm">{t('water.kind.gate')}</Text>
      </Group>
      <Group gap={6} wrap="nowrap">
        <svg width={16} height={16} aria-hidden>
          <circle cx={8} cy={8} r={6} fill="#a5d8ff" stroke="#868e96" strokeWidth={2} />
        </svg>
        <Text size="sm">{t('water.kind.reservoir')}</Text>
      </Group>
      <Group gap={6} wrap="nowrap">
        <svg width={16} height={16} aria-hidden>
          <circle cx={8} cy={8} r={6} fill="#fff" stroke="#868e96" strokeWidth={2} />
          <circle cx={8} cy={8} r={2} fill="#868e96" />
        </svg>
        <Text size="sm">{t('water.kind.well')}</Text>
      </Group>
      <Group gap={6} wrap="nowrap">
        <svg width={16} height={16} aria-hidden>
          <polygon points="8,1 1,15 15,15" fill="#868e96" />
        </svg>
        <Text size="sm">{t('water.kind.pump')}</Text>
      </Group>
    </Group>
  );
}

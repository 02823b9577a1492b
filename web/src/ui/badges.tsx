import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Pillar, Stage } from '../../../common/schemas/enums';
import { enumLabel, PILLAR_COLORS, STAGE_COLORS } from './enums';

/** Badges truncate by default; in narrow table cells they must keep their full label. */
const NO_SHRINK = { flexShrink: 0, minWidth: 'max-content' } as const;

export function PillarBadge({ pillar }: { pillar: Pillar }) {
  const { t } = useTranslation();
  return (
    <Badge color={PILLAR_COLORS[pillar]} style={NO_SHRINK}>
      {enumLabel(t, 'pillar', pillar)}
    </Badge>
  );
}

export function StageBadge({ stage }: { stage: Stage }) {
  const { t } = useTranslation();
  return (
    <Badge color={STAGE_COLORS[stage]} variant="outline" style={NO_SHRINK}>
      {enumLabel(t, 'stage', stage)}
    </Badge>
  );
}

export function EnumBadge({ name, value, color = 'gray' }: { name: string; value: string; color?: string }) {
  const { t } = useTranslation();
  return <Badge color={color}>{enumLabel(t, name, value)}</Badge>;
}

import { NumberInput, Select, Textarea, TextInput } from '@mantine/core';

import { useTranslation } from 'react-i18next';
import type { CommitteeDetail } from '../../../../common/schemas/committees';
import { useTenant } from '../../context/tenant';
import { closeAfterSave, FormModal, useModalDraft } from '../../ui/FormModal';
import { errorWithoutFields } from '../../ui/serverErrors';
import { useIsDesktop } from '../../ui/hooks';
import { NetworkMultiSelect } from '../../ui/NetworkSelect';
import { useCommitteeWrite } from './api';
import { OrderFields } from './parts';
import './i18n';

interface Body {
  name: string;
  kind: 'steering' | 'working_group';
  purpose: string | null;
  orderNumber: string | null;
  orderDate: string | null;
  quorumPercent: number | null;
  networkIds: string[];
}

export function CommitteeModal({
  opened,
  onClose,
  committee,
  onSaved,
}: {
  opened: boolean;
  onClose: () => void;
  committee?: CommitteeDetail;
  onSaved?: (c: CommitteeDetail) => void;
}) {
  const { t } = useTranslation();
  const { slug } = useTenant();
  const desktop = useIsDesktop();
  const save = useCommitteeWrite<Body, CommitteeDetail>(slug, committee ? 'PATCH' : 'POST', () => (committee ? `/committees/${committee.id}` : '/committees'));
  const { v, set, errors, setErrors } = useModalDraft<Body>(
    opened,
    () => ({
      name: committee?.name ?? '',
      kind: committee?.kind ?? 'steering',
      purpose: committee?.purpose ?? null,
      orderNumber: committee?.orderNumber ?? null,
      orderDate: committee?.orderDate ?? null,
      quorumPercent: committee?.quorumPercent ?? null,
      networkIds: committee?.networks.map((n) => n.id) ?? [],
    }),
    [committee],
    save,
  );

  function submit() {
    if (!v.name.trim()) return setErrors({ name: t('validation.required') });
    save.mutate(v, closeAfterSave({ done: t('committees.saved'), then: onSaved, onClose, setErrors }));
  }

  return (
    <FormModal
      opened={opened}
      onClose={onClose}
      title={committee ? t('committees.editTitle') : t('committees.newTitle')}
      size="lg"
      fullScreen={!desktop}
      onSubmit={submit}
      saving={save.isPending}
      error={errorWithoutFields(save.error)}
      submitTestId="committee-save"
    >
      <TextInput
        label={t('committees.name')}
        value={v.name}
        onChange={(e) => set('name', e.currentTarget.value)}
        required
        error={errors.name}
        maxLength={300}
        data-testid="committee-name"
      />
      <Select
        label={t('committees.kind.label')}
        data={(['steering', 'working_group'] as const).map((k) => ({ value: k, label: t(`committees.kind.${k}`) }))}
        value={v.kind}
        onChange={(k) => k && set('kind', k as Body['kind'])}
        allowDeselect={false}
      />
      <Textarea
        label={t('committees.purpose')}
        value={v.purpose ?? ''}
        onChange={(e) => set('purpose', e.currentTarget.value || null)}
        autosize
        minRows={2}
        error={errors.purpose}
      />
      <OrderFields v={v} set={set} errors={errors} numberPlaceholder="123/2568" />
      <NumberInput
        label={t('committees.quorumPercent')}
        description={t('committees.quorumHint')}
        value={v.quorumPercent ?? ''}
        onChange={(n) => set('quorumPercent', typeof n === 'number' ? n : null)}
        min={1}
        max={100}
        allowDecimal={false}
        error={errors.quorumPercent}
      />
      <NetworkMultiSelect
        label={t('committees.networks')}
        value={v.networkIds}
        onChange={(ids) => set('networkIds', ids)}
        known={committee?.networks}
        error={errors.networkIds}
      />
    </FormModal>
  );
}

import { Group, Select, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RELATIONSHIP_TYPES, type RelationshipType } from '../../../../common/schemas/enums';
import { ApiError } from '../../api/client';
import { DateField } from '../../ui/DateField';
import { enumOptions } from '../../ui/enums';
import { FormModal } from '../../ui/FormModal';
import { PartySelect } from './PartySelect';
import { useCreateRelationship } from './api';

export function RelationshipModal({
  tenant,
  party,
  opened,
  onClose,
}: {
  tenant: string;
  party: { id: string; name: string };
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const create = useCreateRelationship(tenant);
  const [other, setOther] = useState<string | null>(null);
  const [direction, setDirection] = useState<'out' | 'in'>('out');
  const [type, setType] = useState<RelationshipType | null>('collaborates_with');
  const [startDate, setStartDate] = useState<string | null>(null);
  const [endDate, setEndDate] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});

  useEffect(() => {
    if (opened) {
      setOther(null);
      setDirection('out');
      setType('collaborates_with');
      setStartDate(null);
      setEndDate(null);
      setNote('');
      setErrors({});
      create.reset();
    }
  }, [opened]);

  function submit(e: React.FormEvent) {
    e.preventDefault();
    const errs: Record<string, string> = {};
    if (!other) errs.other = t('validation.required');
    if (!type) errs.type = t('validation.required');
    if (startDate && endDate && endDate < startDate) errs.endDate = t('validation.endBeforeStart');
    setErrors(errs);
    if (Object.keys(errs).length || !other || !type) return;
    const fromPartyId = direction === 'out' ? party.id : other;
    const toPartyId = direction === 'out' ? other : party.id;
    create.mutate(
      { fromPartyId, toPartyId, type, startDate, endDate, note: note.trim() || null },
      {
        onSuccess: () => {
          notifications.show({ color: 'teal', message: t('relationships.added') });
          onClose();
        },
        onError: (err) => {
          if (err instanceof ApiError) {
            const f = { ...err.fields };
            // The other party is whichever end is not this partner.
            const otherKey = direction === 'out' ? 'toPartyId' : 'fromPartyId';
            if (f[otherKey]) f.other = f[otherKey];
            setErrors(f);
          }
        },
      },
    );
  }

  return (
    <FormModal
      opened={opened}
      onClose={onClose}
      title={t('relationships.addTitle')}
      size="lg"
      onSubmit={submit}
      saving={create.isPending}
      error={create.error}
      submitLabel={t('relationships.add')}
    >
      <Select
        label={t('relationships.direction')}
        data={[
          { value: 'out', label: t('relationships.directionOut', { name: party.name }) },
          { value: 'in', label: t('relationships.directionIn', { name: party.name }) },
        ]}
        value={direction}
        onChange={(v) => v && setDirection(v as 'out' | 'in')}
        allowDeselect={false}
        comboboxProps={{ withinPortal: true }}
      />
      <Select
        label={t('relationships.type')}
        required
        data={enumOptions(t, 'relationshipType', RELATIONSHIP_TYPES)}
        value={type}
        onChange={(v) => setType(v as RelationshipType | null)}
        error={errors.type}
        allowDeselect={false}
        comboboxProps={{ withinPortal: true }}
      />
      <PartySelect
        label={t('relationships.otherParty')}
        value={other}
        onChange={(id) => setOther(id)}
        error={errors.other}
        required
        excludeIds={[party.id]}
        testId="relationship-party"
      />
      <Group grow align="flex-start" wrap="wrap">
        <DateField label={t('relationships.startDate')} value={startDate} onChange={setStartDate} error={errors.startDate} />
        <DateField label={t('relationships.endDate')} value={endDate} onChange={setEndDate} error={errors.endDate} />
      </Group>
      <Textarea label={t('relationships.note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} error={errors.note} autosize minRows={2} />
    </FormModal>
  );
}

import { Group } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { NetworkMember } from '../../../../common/schemas';
import { MEMBER_ROLES, type MemberRole } from '../../../../common/schemas/enums';
import { DateField } from '../../ui/DateField';
import { EnumSelect } from '../../ui/EnumSelect';
import { closeAfterSave, FormModal } from '../../ui/FormModal';
import { PartySelect } from '../partners';
import { useAddMember, useUpdateMember } from './api';

/** Add a member (member = undefined) or edit a member's role and dates. */
export function MemberModal({
  tenant,
  networkId,
  opened,
  member,
  existingPartyIds,
  onClose,
}: {
  tenant: string;
  networkId: string;
  opened: boolean;
  member?: NetworkMember | null;
  existingPartyIds: string[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const add = useAddMember(tenant, networkId);
  const update = useUpdateMember(tenant, networkId);
  const [partyId, setPartyId] = useState<string | null>(null);
  const [role, setRole] = useState<MemberRole>('member');
  const [startDate, setStartDate] = useState<string | null>(null);
  const [endDate, setEndDate] = useState<string | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});

  useEffect(() => {
    if (opened) {
      setPartyId(member?.party.id ?? null);
      setRole(member?.role ?? 'member');
      setStartDate(member?.startDate ?? null);
      setEndDate(member?.endDate ?? null);
      setErrors({});
      add.reset();
      update.reset();
    }
  }, [opened, member]);

  const mutation = member ? update : add;

  function submit() {
    const errs: Record<string, string> = {};
    if (!member && !partyId) errs.partyId = t('validation.required');
    if (startDate && endDate && endDate < startDate) errs.endDate = t('validation.endBeforeStart');
    setErrors(errs);
    if (Object.keys(errs).length) return;
    const options = closeAfterSave({ done: member ? t('members.updated') : t('members.added'), onClose, setErrors });
    if (member) update.mutate({ memberId: member.id, role, startDate, endDate }, options);
    else add.mutate({ partyId: partyId!, role, startDate, endDate }, options);
  }

  return (
    <FormModal
      opened={opened}
      onClose={onClose}
      title={member ? t('members.editTitle', { name: member.party.name }) : t('members.addTitle')}
      size="lg"
      onSubmit={submit}
      saving={mutation.isPending}
      error={mutation.error}
      submitLabel={member ? t('common.save') : t('members.add')}
    >
      {!member ? (
        <PartySelect
          label={t('members.partner')}
          value={partyId}
          onChange={(id) => setPartyId(id)}
          error={errors.partyId}
          required
          excludeIds={existingPartyIds}
          testId="member-party"
        />
      ) : null}
      <EnumSelect
        label={t('members.role')}
        enumName="memberRole"
        values={MEMBER_ROLES}
        value={role}
        onChange={(v) => v && setRole(v as MemberRole)}
        error={errors.role}
        required
      />
      <Group grow align="flex-start" wrap="wrap">
        <DateField label={t('members.startDate')} value={startDate} onChange={setStartDate} error={errors.startDate} />
        <DateField label={t('members.endDate')} value={endDate} onChange={setEndDate} error={errors.endDate} />
      </Group>
    </FormModal>
  );
}

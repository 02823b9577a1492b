import { Button, Group, Modal, Select, Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { NetworkMember } from '../../../../common/schemas';
import { MEMBER_ROLES, type MemberRole } from '../../../../common/schemas/enums';
import { DateField } from '../../ui/DateField';
import { enumOptions } from '../../ui/enums';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { PartySelect } from '../partners';
import { useAddMember, useUpdateMember } from './api';
import { showServerFieldErrors } from '../../ui/serverErrors';

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

  function submit(e: React.FormEvent) {
    e.preventDefault();
    const errs: Record<string, string> = {};
    if (!member && !partyId) errs.partyId = t('validation.required');
    if (startDate && endDate && endDate < startDate) errs.endDate = t('validation.endBeforeStart');
    setErrors(errs);
    if (Object.keys(errs).length) return;
    const onError = (err: unknown) => {
      showServerFieldErrors(setErrors, err);
    };
    const onSuccess = () => {
      notifications.show({ color: 'teal', message: member ? t('members.updated') : t('members.added') });
      onClose();
    };
    if (member) update.mutate({ memberId: member.id, role, startDate, endDate }, { onSuccess, onError });
    else add.mutate({ partyId: partyId!, role, startDate, endDate }, { onSuccess, onError });
  }

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={member ? t('members.editTitle', { name: member.party.name }) : t('members.addTitle')}
      closeButtonProps={{ 'aria-label': t('common.close') }}
      size="lg"
    >
      <form onSubmit={submit} noValidate>
        <Stack>
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
          <Select
            label={t('members.role')}
            data={enumOptions(t, 'memberRole', MEMBER_ROLES)}
            value={role}
            onChange={(v) => v && setRole(v as MemberRole)}
            allowDeselect={false}
            error={errors.role}
            required
            comboboxProps={{ withinPortal: true }}
          />
          <Group grow align="flex-start" wrap="wrap">
            <DateField label={t('members.startDate')} value={startDate} onChange={setStartDate} error={errors.startDate} />
            <DateField label={t('members.endDate')} value={endDate} onChange={setEndDate} error={errors.endDate} />
          </Group>
          {mutation.isError ? <ErrorAlert error={mutation.error} /> : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={mutation.isPending}>
              {member ? t('common.save') : t('members.add')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

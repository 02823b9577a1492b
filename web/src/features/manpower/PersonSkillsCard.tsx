import { Button, Card, Checkbox, Group, Modal, MultiSelect, Stack, TagsInput, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPencil } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AVAILABILITY, SKILLS, type Availability, type Skill } from '../../../../common/schemas/manpower';
import { useTenant } from '../../context/tenant';
import { formatDate } from '../../ui/dates';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { showServerFieldErrors } from '../../ui/serverErrors';
import { Field, FieldGrid } from '../../ui/Fields';
import { useLang } from '../../ui/hooks';
import { Loading } from '../../ui/Loading';
import { useProfile, useSaveProfile } from './api';
import { SkillBadges } from './parts';
import './i18n';

/** A person's capacities (skills, availability, village, public-list consent), on the person page and "my" page. */
export function PersonSkillsCard({ partyId, canEdit }: { partyId: string; canEdit: boolean }) {
  const { t } = useTranslation();
  const lang = useLang();
  const { slug } = useTenant();
  const profile = useProfile(slug, partyId);
  const save = useSaveProfile(slug, partyId);
  const [open, setOpen] = useState(false);
  const [skills, setSkills] = useState<Skill[]>([]);
  const [free, setFree] = useState<string[]>([]);
  const [availability, setAvailability] = useState<Availability[]>([]);
  const [village, setVillage] = useState('');
  const [consent, setConsent] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});

  useEffect(() => {
    if (open && profile.data) {
      setSkills(profile.data.skills);
      setFree(profile.data.freeSkills);
      setAvailability(profile.data.availability);
      setVillage(profile.data.village ?? '');
      setConsent(profile.data.publicListConsent);
      setErrors({});
      save.reset();
    }
  }, [open, profile.data]);

  function submit(e: React.FormEvent) {
    e.preventDefault();
    save.mutate(
      { skills, freeSkills: free, availability, village: village.trim() || null, publicListConsent: consent },
      {
        onSuccess: () => {
          notifications.show({ color: 'teal', message: t('manpower.skills.saved') });
          setOpen(false);
        },
        onError: (err) => showServerFieldErrors(setErrors, err),
      },
    );
  }

  const p = profile.data;
  return (
    <Card withBorder radius="md" component="section" aria-labelledby="skills-title" data-testid="person-skills">
      <Group justify="space-between" mb="md" wrap="wrap">
        <Title order={2} size="h3" id="skills-title">
          {t('manpower.skills.title')}
        </Title>
        {canEdit && p ? (
          <Button variant="default" size="xs" leftSection={<IconPencil size={14} aria-hidden />} onClick={() => setOpen(true)} data-testid="skills-edit">
            {t('common.edit')}
          </Button>
        ) : null}
      </Group>
      {profile.isPending ? (
        <Loading />
      ) : profile.isError ? (
        <ErrorAlert error={profile.error} />
      ) : p ? (
        <FieldGrid>
          <Field label={t('manpower.skills.skills')} span>
            <SkillBadges skills={p.skills} free={p.freeSkills} />
          </Field>
          <Field label={t('manpower.skills.availability')}>
            {p.availability.length ? p.availability.map((a) => t(`manpower.availability.${a}`)).join(', ') : '—'}
          </Field>
          <Field label={t('manpower.skills.village')}>{p.village ?? '—'}</Field>
          <Field label={t('manpower.skills.publicList')} span>
            <Text size="sm">
              {p.publicListConsent
                ? t('manpower.skills.consentYes', { date: formatDate(p.publicListConsentDate, lang, 'long') })
                : t('manpower.skills.consentNo')}
            </Text>
          </Field>
        </FieldGrid>
      ) : null}
      <Modal
        opened={open}
        onClose={() => setOpen(false)}
        title={t('manpower.skills.editTitle')}
        closeButtonProps={{ 'aria-label': t('common.close') }}
        size="lg"
      >
        <form onSubmit={submit} noValidate>
          <Stack>
            <MultiSelect
              label={t('manpower.skills.skills')}
              data={SKILLS.map((s) => ({ value: s, label: t(`manpower.skill.${s}`) }))}
              value={skills}
              onChange={(v) => setSkills(v as Skill[])}
              searchable
              error={errors.skills}
              comboboxProps={{ withinPortal: true }}
              data-testid="skills-select"
            />
            <TagsInput
              label={t('manpower.skills.freeSkills')}
              description={t('manpower.skills.freeHint')}
              value={free}
              onChange={setFree}
              maxTags={20}
              error={errors.freeSkills}
            />
            <MultiSelect
              label={t('manpower.skills.availability')}
              data={AVAILABILITY.map((a) => ({ value: a, label: t(`manpower.availability.${a}`) }))}
              value={availability}
              onChange={(v) => setAvailability(v as Availability[])}
              comboboxProps={{ withinPortal: true }}
            />
            <TextInput
              label={t('manpower.skills.village')}
              value={village}
              onChange={(e) => setVillage(e.currentTarget.value)}
              maxLength={200}
              error={errors.village}
            />
            <Checkbox
              label={t('manpower.skills.consentLabel')}
              description={t('manpower.skills.consentHint')}
              checked={consent}
              onChange={(e) => setConsent(e.currentTarget.checked)}
              data-testid="skills-consent"
            />
            {save.isError ? <ErrorAlert error={save.error} /> : null}
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setOpen(false)}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={save.isPending} data-testid="skills-save">
                {t('common.save')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </Card>
  );
}

import { Button, Checkbox, MultiSelect, TagsInput, Text, TextInput } from '@mantine/core';
import { IconPencil } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AVAILABILITY, SKILLS, type Availability, type Skill } from '../../../../common/schemas/manpower';
import { useTenant } from '../../context/tenant';
import { formatDate } from '../../ui/dates';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { Field, FieldGrid } from '../../ui/Fields';
import { closeAfterSave, FormModal } from '../../ui/FormModal';
import { useLang } from '../../ui/hooks';
import { Loading } from '../../ui/Loading';
import { SectionCard } from '../../ui/SectionCard';
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

  const close = () => setOpen(false);
  function submit() {
    save.mutate(
      { skills, freeSkills: free, availability, village: village.trim() || null, publicListConsent: consent },
      closeAfterSave({ done: t('manpower.skills.saved'), onClose: close, setErrors }),
    );
  }

  const p = profile.data;
  return (
    <SectionCard
      title={t('manpower.skills.title')}
      gap="md"
      data-testid="person-skills"
      actions={
        canEdit && p ? (
          <Button variant="default" size="xs" leftSection={<IconPencil size={14} aria-hidden />} onClick={() => setOpen(true)} data-testid="skills-edit">
            {t('common.edit')}
          </Button>
        ) : null
      }
    >
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
      <FormModal
        opened={open}
        onClose={close}
        title={t('manpower.skills.editTitle')}
        size="lg"
        onSubmit={submit}
        saving={save.isPending}
        error={save.error}
        submitTestId="skills-save"
      >
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
      </FormModal>
    </SectionCard>
  );
}

import { Button } from '@mantine/core';
import { IconLanguage } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ensureLanguage } from '../i18n';

/** Toggles Thai ⇄ English; the choice is stored in localStorage (see i18n/index.ts). */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const qc = useQueryClient();
  const next = i18n.language === 'en' ? 'th' : 'en';
  return (
    <Button
      variant="default"
      size="compact-sm"
      leftSection={<IconLanguage size={16} aria-hidden />}
      onClick={() => {
        // English is fetched on first use (web/src/i18n/index.ts)
        void ensureLanguage(next)
          .then(() => i18n.changeLanguage(next))
          .then(() => {
            // Server messages (e.g. import errors) come back in the new language.
            void qc.invalidateQueries();
          });
      }}
      title={t('lang.switchTo')}
      lang={next}
      data-testid="lang-switch"
    >
      {next === 'en' ? 'English' : 'ไทย'}
    </Button>
  );
}

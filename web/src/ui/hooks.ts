import { useMediaQuery } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import type { Lang } from '../i18n';

export function useLang(): Lang {
  const { i18n } = useTranslation();
  return i18n.language === 'en' ? 'en' : 'th';
}

/** True at and above Mantine's `sm` breakpoint (48em). */
export function useIsDesktop(): boolean {
  return useMediaQuery('(min-width: 48em)', typeof window !== 'undefined' ? window.matchMedia('(min-width: 48em)').matches : true, {
    getInitialValueInEffect: false,
  });
}

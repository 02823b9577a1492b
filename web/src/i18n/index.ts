import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './en.json';
import th from './th.json';

export type Lang = 'th' | 'en';
export const LANGS: readonly Lang[] = ['th', 'en'];
const STORAGE_KEY = 'phakhi.lang';

function storedLang(): Lang {
  try {
    const v = localStorage.getItem(STORAGE_KEY);
    if (v === 'en' || v === 'th') return v;
  } catch {
    // storage unavailable (private mode): fall back to Thai
  }
  return 'th';
}

const initial = storedLang();

void i18n.use(initReactI18next).init({
  resources: { th: { translation: th }, en: { translation: en } },
  lng: initial,
  fallbackLng: 'th',
  supportedLngs: ['th', 'en'],
  interpolation: { escapeValue: false },
  returnNull: false,
  initAsync: false,
});

function applyDocumentLang(lng: string) {
  document.documentElement.lang = lng;
  document.title = i18n.t('app.name');
}
applyDocumentLang(initial);

i18n.on('languageChanged', (lng) => {
  applyDocumentLang(lng);
  try {
    localStorage.setItem(STORAGE_KEY, lng);
  } catch {
    // ignore
  }
});

export function currentLang(): Lang {
  return i18n.language === 'en' ? 'en' : 'th';
}

export default i18n;

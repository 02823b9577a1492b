import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './en.json';
import th from './th.json';

type Messages = { [key: string]: string | Messages };

/**
 * Feature modules may keep their own strings beside their code in `features/<x>/i18n/{th,en}.json`;
 * they are merged under the shared files so parallel work on different features never edits the
 * same JSON file.
 */
const featureFiles = import.meta.glob<Messages>('../features/*/i18n/*.json', { eager: true, import: 'default' });

function deepMerge(target: Messages, source: Messages): Messages {
  for (const [key, value] of Object.entries(source)) {
    const existing = target[key];
    target[key] = typeof value === 'object' && typeof existing === 'object' ? deepMerge({ ...existing }, value) : value;
  }
  return target;
}

function messagesFor(lang: 'th' | 'en', base: Messages): Messages {
  const merged = deepMerge({}, base);
  for (const [path, messages] of Object.entries(featureFiles)) {
    if (path.endsWith(`/${lang}.json`)) deepMerge(merged, messages);
  }
  return merged;
}

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
  resources: { th: { translation: messagesFor('th', th) }, en: { translation: messagesFor('en', en) } },
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

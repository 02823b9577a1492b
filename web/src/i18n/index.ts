import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import th from './th.json';

type Messages = { [key: string]: string | Messages };

/**
 * Feature modules keep their own strings beside their code, so parallel work on different features never edits
 * the same JSON file:
 *  - `features/<x>/i18n/global/{th,en}.json`: what other pages need too — menu labels (`nav`), enumerations,
 *    audit names, the header's bell (`bell`) — merged here, with the entry;
 *  - `features/<x>/i18n/{th,en}.json`: the feature's own strings, registered by `features/<x>/i18n/index.ts`,
 *    which every module using them imports: they arrive in the same chunk as the code that shows them, never
 *    after it (no flash of raw keys), and the login page and the dashboard do not carry them (issue 12).
 */
const featureFiles = import.meta.glob<Messages>('../features/*/i18n/global/th.json', { eager: true, import: 'default' });
/** English is fetched when it is chosen (ensureLanguage): most readers never need it, and it was half the strings. */
const englishFeatureFiles = import.meta.glob<Messages>('../features/*/i18n/global/en.json', { import: 'default' });

function deepMerge(target: Messages, source: Messages): Messages {
  for (const [key, value] of Object.entries(source)) {
    const existing = target[key];
    target[key] = typeof value === 'object' && typeof existing === 'object' ? deepMerge({ ...existing }, value) : value;
  }
  return target;
}

function messagesFor(base: Messages, features: Messages[]): Messages {
  const merged = deepMerge({}, base);
  for (const messages of features) deepMerge(merged, messages);
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
  resources: { th: { translation: messagesFor(th, Object.values(featureFiles)) } },
  partialBundledLanguages: true,
  lng: initial,
  fallbackLng: 'th',
  supportedLngs: ['th', 'en'],
  interpolation: { escapeValue: false },
  returnNull: false,
  initAsync: false,
});

function applyDocumentLang(lng: string) {
  if (typeof document === 'undefined') return; // drawn at build time (web/src/prerender.tsx)
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

let english: Promise<void> | null = null;
let englishReady = false;
const englishPending: Messages[] = [];

/** Loads a language's strings if they are not there yet; call before `i18n.changeLanguage`. */
export function ensureLanguage(lng: Lang): Promise<void> {
  if (lng === 'th') return Promise.resolve();
  english ??= Promise.all([import('./en.json'), ...Object.values(englishFeatureFiles).map((load) => load())]).then(([base, ...features]) => {
    i18n.addResourceBundle('en', 'translation', messagesFor(base.default as Messages, features), true, true);
    for (const messages of englishPending.splice(0)) i18n.addResourceBundle('en', 'translation', messages, true, true);
    englishReady = true;
  });
  return english;
}

/** A feature's own strings (features/<x>/i18n/index.ts), merged into the shared namespace when its code loads. */
export function addFeatureMessages(thMessages: Messages, enMessages: Messages): void {
  i18n.addResourceBundle('th', 'translation', thMessages, true, true);
  if (englishReady) i18n.addResourceBundle('en', 'translation', enMessages, true, true);
  else englishPending.push(enMessages);
}

/** The language the app starts in (stored choice or Thai): render after `ensureLanguage(initialLang)`. */
export const initialLang: Lang = initial;

export function currentLang(): Lang {
  return i18n.language === 'en' ? 'en' : 'th';
}

export default i18n;

// Interface language: Russian by default; a choice made with the switch is remembered in
// localStorage; otherwise a signed-in person's own language is used (see adoptUserLanguage).
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from '../shared/i18n/en.json';
import { mergeCatalogues, type Tree } from '../shared/i18n/merge.ts';
import ru from '../shared/i18n/ru.json';
import { LANGUAGES, type Language } from '../shared/domain/vocabulary.ts';

const catalogues = mergeCatalogues(
  { ru: ru as Tree, en: en as Tree },
  import.meta.glob<{ default: Tree }>('../shared/i18n/modules/*.json', { eager: true }),
);

export { LANGUAGES, type Language };
const STORAGE_KEY = 'cl.lang';

function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

function storedLanguage(): Language | undefined {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return isLanguage(value) ? value : undefined;
  } catch {
    return undefined; // storage disabled (private mode, policy): fall back to the default
  }
}

void i18n.use(initReactI18next).init({
  resources: { ru: { translation: catalogues.ru }, en: { translation: catalogues.en } },
  lng: storedLanguage() ?? 'ru',
  fallbackLng: 'ru',
  supportedLngs: [...LANGUAGES],
  // Resources are bundled, so initialise synchronously: the first paint is already translated.
  initAsync: false,
  interpolation: { escapeValue: false }, // React escapes already
  returnNull: false,
});
document.documentElement.lang = i18n.language;
i18n.on('languageChanged', (lng) => {
  document.documentElement.lang = lng;
});

export function currentLanguage(): Language {
  return isLanguage(i18n.language) ? i18n.language : 'ru';
}

/** The person picked a language explicitly: switch and remember it on this device. */
export async function chooseLanguage(lng: Language): Promise<void> {
  try {
    localStorage.setItem(STORAGE_KEY, lng);
  } catch {
    // not remembered, but still switched
  }
  await i18n.changeLanguage(lng);
}

/** After sign-in: follow the person's profile language unless this device has a saved choice. */
export async function adoptUserLanguage(lng: Language): Promise<void> {
  if (storedLanguage() === undefined && lng !== i18n.language) await i18n.changeLanguage(lng);
}

export default i18n;

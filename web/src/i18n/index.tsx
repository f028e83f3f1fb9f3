import { createContext, type ComponentChildren } from 'preact';
import { useContext, useEffect, useState } from 'preact/hooks';
import { en } from './en';
import { ja, type Messages } from './ja';

export type Language = 'ja' | 'en';

export const languages: readonly Language[] = ['ja', 'en'];

const dictionaries: Record<Language, Messages> = { ja, en };

const storageKey = 'mamori.language';

function isLanguage(value: unknown): value is Language {
  return value === 'ja' || value === 'en';
}

// Storage can throw (disabled cookies, private modes); the UI must still work in Japanese then.
function storedLanguage(): Language {
  try {
    const value = localStorage.getItem(storageKey);
    return isLanguage(value) ? value : 'ja';
  } catch {
    return 'ja';
  }
}

function storeLanguage(language: Language): void {
  try {
    localStorage.setItem(storageKey, language);
  } catch {
    // Not persisting is acceptable; the choice still holds for this page view.
  }
}

interface I18n {
  language: Language;
  t: Messages;
  setLanguage: (language: Language) => void;
}

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ children }: { children: ComponentChildren }) {
  const [language, setLanguageState] = useState<Language>(storedLanguage);

  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);

  const setLanguage = (next: Language) => {
    storeLanguage(next);
    setLanguageState(next);
  };

  return (
    <I18nContext.Provider value={{ language, t: dictionaries[language], setLanguage }}>
      {children}
    </I18nContext.Provider>
  );
}

export function useI18n(): I18n {
  const context = useContext(I18nContext);
  if (context === null) throw new Error('useI18n must be used inside <I18nProvider>');
  return context;
}

/** lang for a name or data text shown as it is (people, organisations, catalog text): "ja" when it holds
 * Japanese characters, so that the English UI marks it (WCAG 3.1.2); otherwise nothing. */
export function langOf(text: string): 'ja' | undefined {
  return /[\u3040-\u30ff\u3400-\u9fff\uff01-\uff60]/.test(text) ? 'ja' : undefined;
}

/** `text` (a translated sentence) with `name` inside it marked by langOf, e.g. "Users of <span lang=ja>…</span>". */
export function WithName({ text, name }: { text: string; name: string }) {
  const at = name === '' ? -1 : text.indexOf(name);
  if (at < 0 || langOf(name) === undefined) return <>{text}</>;
  return (
    <>
      {text.slice(0, at)}
      <span lang="ja">{name}</span>
      {text.slice(at + name.length)}
    </>
  );
}

import { languages, useI18n, type Language } from '../i18n';

// Each language is named in itself, so a reader who cannot read the current language still finds theirs.
const names: Record<Language, string> = { ja: '日本語', en: 'English' };

export function LanguageSwitch() {
  const { language, setLanguage, t } = useI18n();
  return (
    <div role="group" aria-label={t.language.label} class="flex shrink-0 print:hidden rounded-8 border border-solid-gray-420 p-0.5">
      {languages.map((candidate) => {
        const pressed = candidate === language;
        return (
          <button
            key={candidate}
            type="button"
            lang={candidate}
            aria-pressed={pressed}
            onClick={() => setLanguage(candidate)}
            class={`min-h-11 rounded-6 px-2 text-dns-14B-120 md:px-3 md:text-dns-16B-120 ${
              pressed ? 'bg-blue-900 text-white' : 'bg-white text-blue-900 hover:bg-blue-50 hover:underline'
            }`}
          >
            {names[candidate]}
          </button>
        );
      })}
    </div>
  );
}

import { useI18n } from '../i18n';

export function SkipLink() {
  const { t } = useI18n();
  return (
    <a
      href="#main"
      class="sr-only focus:not-sr-only focus:absolute focus:left-4 focus:top-4 focus:z-10 focus:rounded-8 focus:bg-white focus:px-4 focus:py-3 focus:text-std-16B-170 focus:text-blue-1000 focus:underline"
    >
      {t.skipLink}
    </a>
  );
}

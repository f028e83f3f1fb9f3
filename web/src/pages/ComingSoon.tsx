import { useI18n } from '../i18n';
import { Link } from '../router';
import type { Section } from '../routes';

export function ComingSoon({ section }: { section: Section }) {
  const { t } = useI18n();
  return (
    <>
      <h1 class="text-std-24B-150 text-solid-gray-900 md:text-std-32B-150">{t.nav[section]}</h1>
      <div
        data-testid="coming-soon"
        class="mt-6 max-w-3xl rounded-8 border-2 border-blue-900 bg-blue-50 p-5 md:p-6"
      >
        <p class="inline-block rounded-4 bg-blue-900 px-2 py-1 text-dns-14B-120 text-white">{t.comingSoon.badge}</p>
        <p class="mt-3 text-std-16N-170">{t.comingSoon.body}</p>
        <p class="mt-2 text-std-16B-170 text-solid-gray-900">{t.comingSoon[section]}</p>
      </div>
      <p class="mt-6">
        <Link href="/" class="text-std-16N-170 text-blue-1000 underline hover:decoration-2">
          {t.comingSoon.backHome}
        </Link>
      </p>
    </>
  );
}

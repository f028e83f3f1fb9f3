import { useI18n } from '../i18n';
import { Link } from '../router';

export function NotFound() {
  const { t } = useI18n();
  return (
    <div data-testid="not-found">
      <p aria-hidden="true" class="text-dsp-48B-140 text-solid-gray-536">404</p>
      <h1 class="mt-2 text-std-24B-150 text-solid-gray-900 md:text-std-32B-150">{t.notFound.title}</h1>
      <p class="mt-4 max-w-3xl text-std-16N-170">{t.notFound.body}</p>
      <p class="mt-6">
        <Link href="/" class="text-std-16N-170 text-blue-1000 underline hover:decoration-2">
          {t.notFound.backHome}
        </Link>
      </p>
    </div>
  );
}

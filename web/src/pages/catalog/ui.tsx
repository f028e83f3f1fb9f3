import type { ComponentChildren } from 'preact';
import type { ApiError } from '../../api/http';
import type { Confidence } from '../../api/catalog';
import type { Resource } from '../../api/useResource';
import { useI18n } from '../../i18n';
import type { Messages } from '../../i18n/ja';
import { Link } from '../../router';

export const linkClass = 'text-blue-1000 underline underline-offset-2 hover:decoration-2';
export const h1Class = 'text-std-24B-150 text-solid-gray-900 md:text-std-32B-150';
export const h2Class = 'text-std-20B-150 text-solid-gray-900 md:text-std-24B-150';
export const primaryButtonClass =
  'inline-flex min-h-11 items-center justify-center gap-1 rounded-8 border border-blue-900 bg-blue-900 px-4 text-dns-16B-120 text-white hover:bg-blue-1000 hover:underline';
export const buttonClass =
  'inline-flex min-h-11 items-center justify-center gap-1 rounded-8 border border-blue-900 bg-white px-3 text-dns-16B-120 text-blue-900 hover:bg-blue-50 hover:underline';

const confidenceClass: Record<Confidence, string> = {
  // Unconfirmed must stand out: dark text on yellow with a border, plus the word itself.
  I: 'border-yellow-900 bg-yellow-100 text-solid-gray-900',
  S: 'border-solid-gray-536 bg-white text-solid-gray-800',
  V: 'border-transparent bg-transparent text-solid-gray-700',
};

const confidenceMark: Record<Confidence, string> = { I: '?', S: '△', V: '✓' };

/**
 * The confidence of a fact: 未確認 (I), 二次情報 (S) or 確認済み (V). The explanation is in the title
 * (a tooltip for mouse users) and, for everyone, in the legend at the top of the page and in each
 * item's details.
 */
export function ConfidenceBadge({ confidence, testId, help }: { confidence: Confidence; testId?: string; help?: string }) {
  const { t } = useI18n();
  return (
    <span
      class={`inline-flex shrink-0 items-center gap-1 whitespace-nowrap rounded-4 border px-1.5 py-0.5 text-dns-14B-120 ${confidenceClass[confidence]}`}
      title={help ?? t.catalog.confidenceHelp[confidence]}
      data-confidence={confidence}
      {...(testId === undefined ? {} : { 'data-testid': testId })}
    >
      <span aria-hidden="true">{confidenceMark[confidence]}</span>
      {t.catalog.confidence[confidence]}
    </span>
  );
}

export function Legend() {
  const { t } = useI18n();
  const levels: readonly Confidence[] = ['I', 'S', 'V'];
  return (
    <dl class="grid gap-x-3 gap-y-2 text-std-16N-170 sm:grid-cols-[auto_1fr]">
      {levels.map((level) => (
        <div key={level} class="contents">
          <dt>
            <ConfidenceBadge confidence={level} />
          </dt>
          <dd class="mb-1 sm:mb-0">{t.catalog.confidenceHelp[level]}</dd>
        </div>
      ))}
    </dl>
  );
}

function errorMessage(t: Messages, error: ApiError): string {
  if (error.kind === 'network') return t.catalog.errorNetwork;
  if (error.kind === 'invalid') return t.catalog.errorInvalid;
  if (error.status === 404) return t.catalog.errorNotFound;
  if (error.status >= 400 && error.status < 500) return t.catalog.errorBadRequest;
  return t.catalog.errorServer;
}

export function ErrorMessage({ error, onRetry }: { error: ApiError; onRetry?: () => void }) {
  const { t, language } = useI18n();
  return (
    <div role="alert" data-testid="catalog-error" class="mt-6 max-w-3xl rounded-8 border-2 border-red-900 bg-red-50 p-5">
      <p class="text-std-18B-160 text-red-1000">{t.catalog.errorHeading}</p>
      <p class="mt-2 text-std-16N-170">{errorMessage(t, error)}</p>
      {error.detail !== null && language === 'en' && (
        <p class="mt-2 text-std-16N-170 text-solid-gray-800">
          {t.catalog.errorDetail}: <span data-testid="problem-detail">{error.detail}</span>
          {error.status > 0 && <span class="text-solid-gray-700"> (HTTP {error.status})</span>}
        </p>
      )}
      <div class="mt-4 flex flex-wrap gap-3">
        {onRetry !== undefined && error.status !== 404 && (
          <button type="button" class={buttonClass} onClick={onRetry}>
            {t.catalog.retry}
          </button>
        )}
        <Link href="/catalog" class={`inline-flex min-h-11 items-center text-std-16N-170 ${linkClass}`}>
          {t.catalog.backToCatalog}
        </Link>
      </div>
    </div>
  );
}

export function Loading() {
  const { t } = useI18n();
  return (
    <p role="status" class="mt-6 text-std-16N-170 text-solid-gray-700" data-testid="catalog-loading">
      {t.catalog.loading}
    </p>
  );
}

/** Renders `children(data)` once the resource is ready; loading and error states otherwise. */
export function Loaded<T>({
  resource,
  reload,
  children,
}: {
  resource: Resource<T>;
  reload?: () => void;
  children: (data: T) => ComponentChildren;
}) {
  if (resource.state === 'loading') return <Loading />;
  if (resource.state === 'error') return <ErrorMessage error={resource.error} {...(reload ? { onRetry: reload } : {})} />;
  return <>{children(resource.data)}</>;
}

export interface Crumb {
  label: string;
  href?: string;
}

export function Breadcrumbs({ items }: { items: Crumb[] }) {
  const { t } = useI18n();
  return (
    <nav aria-label={t.catalog.breadcrumb} class="mb-4 print:hidden">
      <ol class="flex flex-wrap items-center gap-x-2 gap-y-1 text-dns-14N-130 text-solid-gray-700 md:text-dns-16N-130">
        {items.map((item, index) => (
          <li key={`${index}-${item.label}`} class="flex items-center gap-2">
            {index > 0 && <span aria-hidden="true">›</span>}
            {item.href === undefined ? (
              <span {...(index === items.length - 1 ? { 'aria-current': 'page' as const } : {})}>{item.label}</span>
            ) : (
              <Link href={item.href} class={linkClass}>
                {item.label}
              </Link>
            )}
          </li>
        ))}
      </ol>
    </nav>
  );
}

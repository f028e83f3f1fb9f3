// Pieces shared by the assessment pages: the explanation block, loading and error states, the edition notice,
// problem text and today's date. Badges, fields, dialogs and the evidence panel live in their own files.
import type { ComponentChildren } from 'preact';
import { japanToday, type Assessment } from '../../api/assessments';
import { ApiError } from '../../api/http';
import { describeProblem } from '../../auth/problems';
import { useI18n } from '../../i18n';
import type { Messages } from '../../i18n/ja';
import { Link } from '../../router';
import { buttonClass } from '../account/ui';
import { linkClass } from '../catalog/ui';
import { fiscalYearOfEditionId } from '../catalog/routes';
import type { Loaded } from './hooks';
import { assessmentPaths } from './routes';

export function Explanation({ meaning, how, evidence, headingLevel = 3 }: { meaning: string; how: string; evidence: string; headingLevel?: 2 | 3 }) {
  const { t } = useI18n();
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <section aria-labelledby="explanation-heading" class="rounded-8 border border-solid-gray-420 bg-solid-gray-50 p-4 md:p-5" data-testid="explanation">
      <Heading id="explanation-heading" class="text-std-18B-160 text-solid-gray-900">
        {t.assessments.explanationHeading}
      </Heading>
      <dl class="mt-2 grid gap-3 text-std-16N-170">
        <div>
          <dt class="text-std-16B-170 text-solid-gray-900">{t.catalog.meaning}</dt>
          <dd>{meaning}</dd>
        </div>
        <div>
          <dt class="text-std-16B-170 text-solid-gray-900">{t.catalog.how}</dt>
          <dd>{how}</dd>
        </div>
        <div>
          <dt class="text-std-16B-170 text-solid-gray-900">{t.catalog.evidence}</dt>
          <dd>{evidence}</dd>
        </div>
      </dl>
    </section>
  );
}

// ---- fields ----

export function problemText(t: Messages, language: 'ja' | 'en', error: unknown) {
  return describeProblem(t, language, error);
}

// ---- dialogs ----

export function AssessmentLoading() {
  const { t } = useI18n();
  return (
    <p role="status" class="mt-6 text-std-16N-170 text-solid-gray-700" data-testid="assessment-loading">
      {t.identity.loading}
    </p>
  );
}

export function AssessmentError({ error, onRetry }: { error: ApiError; onRetry?: () => void }) {
  const { t, language } = useI18n();
  const a = t.assessments;
  const shown = describeProblem(t, language, error);
  const message = error.status === 404 ? a.notFound : error.status === 403 ? a.forbidden : shown.message;
  return (
    <div role="alert" data-testid="assessment-error" class="mt-6 max-w-3xl rounded-8 border-2 border-error-1 bg-red-50 p-5">
      <p class="text-std-18B-160 text-error-1">{a.errorHeading}</p>
      <p class="mt-2 text-std-16N-170 text-solid-gray-900">{message}</p>
      {shown.detail !== null && language === 'en' && (
        <p class="mt-2 text-dns-14N-130 text-solid-gray-700">
          {t.identity.serverDetail}: <span data-testid="problem-detail">{shown.detail}</span>
        </p>
      )}
      <div class="mt-4 flex flex-wrap gap-3">
        {onRetry !== undefined && error.status !== 404 && error.status !== 403 && (
          <button type="button" class={buttonClass} onClick={onRetry}>
            {t.catalog.retry}
          </button>
        )}
        <Link href={assessmentPaths.list} class={`inline-flex min-h-11 items-center text-std-16N-170 ${linkClass}`}>
          {a.backToList}
        </Link>
      </div>
    </div>
  );
}

/** The fiscal year's own edition when it is not the one used: [year's edition, edition used], else null. */

export function standInEdition(t: Messages, fiscalYear: number, edition: string): [string, string] | null {
  const editionYear = fiscalYearOfEditionId(edition);
  if (editionYear === null || editionYear >= fiscalYear) return null;
  return [t.catalog.editionName(fiscalYear), t.catalog.editionName(editionYear)];
}

/** 「令和8年度版が未登録のため、令和7年度版で点検しています」 on every page of such a checklist. */

export function EditionNotice({ assessment }: { assessment: Assessment }) {
  const { t } = useI18n();
  const names = standInEdition(t, assessment.fiscal_year, assessment.edition.id);
  if (names === null) return null;
  // The year's edition is loaded after all: offered to this checklist (the move notice says so), or declined.
  if (assessment.newer_edition) return null;
  const kept = (assessment.edition_choices ?? []).some((choice) => choice.choice === 'declined');
  return (
    <p role="note" class="mb-4 rounded-8 border-2 border-blue-900 bg-blue-50 px-4 py-3 text-std-16B-170 text-solid-gray-900" data-testid="edition-notice">
      {kept ? t.editionMove.keptNotice(names[0], names[1]) : t.checklistDocs.editionNotice(names[0], names[1])}
    </p>
  );
}

/** Renders `children(data)` once the assessment is there, under the edition notice when one applies. */

export function WithAssessment({
  resource,
  reload,
  children,
}: {
  resource: Loaded<Assessment>;
  reload: () => void;
  children: (assessment: Assessment) => ComponentChildren;
}) {
  if (resource.state === 'loading') return <AssessmentLoading />;
  if (resource.state === 'error') return <AssessmentError error={resource.error} onRetry={reload} />;
  return (
    <>
      <EditionNotice assessment={resource.data} />
      {children(resource.data)}
    </>
  );
}

export function todayIso(): string {
  return japanToday();
}

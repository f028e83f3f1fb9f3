// Small pieces the survey pages share: text from the server in the reader's language (marked lang="ja" when
// the English UI has to show Japanese), dates and times, and the status mark that does not rely on colour.
import { formatJst } from '../../auth/format';
import { langOf, useI18n } from '../../i18n';
import type { ResponseStatus } from './surveysApi';

/** The server's ja/en pair in the reader's language; Japanese in the English UI is marked for screen readers. */
export function DataText({ ja, en, class: className }: { ja: string; en: string; class?: string }) {
  const { language } = useI18n();
  const text = language === 'en' && en !== '' ? en : ja;
  const lang = language === 'en' ? langOf(text) : undefined;
  return (
    <span {...(className === undefined ? {} : { class: className })} {...(lang === undefined ? {} : { lang })}>
      {text}
    </span>
  );
}

/** How the page names a question elsewhere (a condition, a missing answer): its number, or its text quoted. */
export function useQuestionName(): (question: { number: string | null; text_ja: string; text_en: string }) => string {
  const { t } = useI18n();
  const pick = usePick();
  return (question) => question.number ?? t.surveys.quoted(pick(question.text_ja, question.text_en));
}

export function usePick(): (ja: string, en: string) => string {
  const { language } = useI18n();
  return (ja, en) => (language === 'en' && en !== '' ? en : ja);
}

/** A date ("2026-04-01") or a time from the server, in Japan time and the reader's language. */
export function useWhen(): (text: string) => string {
  const { t, language } = useI18n();
  return (text) => (/^\d{4}-\d{2}-\d{2}$/.test(text) ? t.surveys.date(text) : formatJst(text, language));
}

const statusMark: Record<ResponseStatus, string> = { not_started: '…', draft: '✎', submitted: '✓' };

export function SurveyStatus({ status }: { status: ResponseStatus }) {
  const { t } = useI18n();
  const submitted = status === 'submitted';
  return (
    <span
      data-testid="survey-status"
      data-status={status}
      class={`inline-flex items-center gap-1 whitespace-nowrap rounded-4 border px-2 py-0.5 text-dns-14B-120 ${
        submitted
          ? 'border-success-2 bg-green-50 text-green-1000'
          : status === 'draft'
            ? 'border-blue-900 bg-blue-50 text-blue-1000'
            : 'border-dashed border-solid-gray-536 bg-white text-solid-gray-800'
      }`}
    >
      <span aria-hidden="true">{statusMark[status] ?? '…'}</span>
      {t.surveys.status[status] ?? status}
    </span>
  );
}

// 調査の集計: the surveys hospitals answered in mamori, for the ministry's and the prefectures' analysts. Per
// question, the options' counts of the submitted responses ("n / N（p%）", N the hospitals shown the
// question; 「秘匿」 where the server suppressed a cell), for all hospitals or by bed band, beside the share of
// はい on the checklist line that asks the same and MHLW's published figure with its source. The choice of
// survey and grouping lives in the address (questionnaire, version, by); CSV and .xlsx give the same table.
import { useResource } from '../../api/useResource';
import { langOf, useI18n } from '../../i18n';
import { navigate, useSearch } from '../../router';
import { InfoNotice } from '../account/ui';
import { linkClass, Loaded } from '../catalog/ui';
import { Select } from './Filters';
import { CountText, percent, ShareText, Suppressed, SuppressionNote, useLabel } from './format';
import type { Messages } from '../../i18n/ja';
import type { StatisticsView } from './routes';
import { sortColumns, type Share, type StatisticsContext } from './statisticsApi';
import { loadSurveyList, loadSurveyResults, surveyResultsUrl, type QuestionResult, type ResultGroup, type SurveyGrouping, type SurveyListed } from './surveyResultsApi';
import { cardCellClass, cardHeadClass, cardRowClass, cardTableClass, CellLabel } from '../account/ui';

/** A statistics view's title: this view's is in the surveys' messages, the others' in t.statistics.views. */
export function statisticsViewTitle(t: Messages, view: StatisticsView): string {
  return view === 'surveys' ? t.surveys.results.title : t.statistics.views[view];
}

const idShape = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;

function chosenFrom(search: string): { questionnaire: string; version: string; by: SurveyGrouping } {
  const params = new URLSearchParams(search);
  const questionnaire = params.get('questionnaire') ?? '';
  const version = params.get('version') ?? '';
  return {
    questionnaire: idShape.test(questionnaire) ? questionnaire : '',
    version: idShape.test(version) ? version : '',
    by: params.get('by') === 'bed_band' ? 'bed_band' : 'none',
  };
}

function withParams(search: string, next: Record<string, string>): string {
  const params = new URLSearchParams(search);
  for (const [name, value] of Object.entries(next)) params.set(name, value);
  return `/statistics/surveys?${params.toString()}`;
}

function shareOf(count: number | null, total: number | null, share: number | null): Share {
  if (count === null || total === null) return null;
  return { count, of: total, ratio: share ?? (total > 0 ? count / total : null) };
}

function ResultTable({ question, k, grouped }: { question: QuestionResult; k: number; grouped: boolean }) {
  const { t } = useI18n();
  const r = t.surveys.results;
  const label = useLabel();
  // Bed bands by size, then the hospitals without a bed count (when there are any), then all of them.
  const bands = question.groups.filter((g) => g.key !== 'all' && !(g.key === 'unknown' && g.total === 0));
  const groups = sortColumns(bands).concat(question.groups.filter((g) => g.key === 'all'));
  const options = question.groups[0]?.options ?? [];
  const groupHeading = grouped ? t.statistics.bedBand : r.group;
  const row = (group: ResultGroup) => {
    const isTotal = group.key === 'all';
    return (
      <tr key={group.key} class={`${cardRowClass} ${isTotal && grouped ? 'font-bold md:border-t-2 md:border-solid-gray-600' : ''}`} data-group={group.key}>
        <th scope="row" class={`${cardCellClass} text-left font-bold`}>
          <CellLabel>{groupHeading}</CellLabel>
          {isTotal ? (grouped ? t.statistics.total : r.byNone) : label(group)}
        </th>
        <td class={`${cardCellClass} md:text-right`} data-column="total">
          <CellLabel>{r.total}</CellLabel>
          <CountText count={group.total} k={k} />
        </td>
        {options.map((option) => {
          const cell = group.options.find((candidate) => candidate.id === option.id);
          return (
            <td key={option.id} class={`${cardCellClass} md:text-right`} data-column={option.id}>
              <CellLabel>{label(option)}</CellLabel>
              {cell === undefined ? <Suppressed k={k} /> : <ShareText share={shareOf(cell.count, group.total, cell.share)} k={k} />}
            </td>
          );
        })}
      </tr>
    );
  };
  return (
    <table class={cardTableClass} data-testid="survey-result-table">
      <thead class={cardHeadClass}>
        <tr class="border-b-2 border-solid-gray-600">
          <th scope="col" class="px-2 py-2 align-bottom">{groupHeading}</th>
          <th scope="col" class="px-2 py-2 align-bottom md:text-right">{r.total}</th>
          {options.map((option) => (
            <th key={option.id} scope="col" class="px-2 py-2 align-bottom md:text-right">
              {label(option)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody class="block md:table-row-group">{groups.map(row)}</tbody>
    </table>
  );
}

function Comparison({ question, k }: { question: QuestionResult; k: number }) {
  const { t, language } = useI18n();
  const r = t.surveys.results;
  const { checklist, mhlw } = question;
  if (checklist === null && mhlw === null) return null;
  const surveyLabel = mhlw === null ? '' : language === 'en' && (mhlw.survey_label_en ?? '') !== '' ? (mhlw.survey_label_en ?? '') : mhlw.survey_label_ja;
  const checklistCount = checklist === null ? null : (checklist.count ?? (checklist.share === null || checklist.total === null ? null : Math.round(checklist.share * checklist.total)));
  const checklistShare: Share =
    checklist === null || checklistCount === null || checklist.total === null ? null : { count: checklistCount, of: checklist.total, ratio: checklist.share };
  return (
    <div class="self-start rounded-8 border border-solid-gray-420 p-4" data-testid="survey-result-compare">
      <p class="text-std-16B-170">{r.compareTitle}</p>
      <dl class="mt-2 grid gap-y-3 text-std-16N-170">
        {checklist !== null && (
          <div data-testid="survey-result-checklist">
            <dt class="text-solid-gray-800">{checklist.line_number === null ? r.checklistNoLine : r.checklist(checklist.line_number)}</dt>
            <dd>
              <span class="text-std-18B-160">{checklistShare === null ? <Suppressed k={k} /> : <ShareText share={checklistShare} k={k} />}</span>
              <br />
              <span class="text-dns-14N-130 text-solid-gray-700">{t.statistics.survey.mapping}</span>
            </dd>
          </div>
        )}
        <div data-testid="survey-result-mhlw">
          <dt class="text-solid-gray-800">{r.mhlw}</dt>
          {mhlw === null ? (
            <dd>{r.noFigure}</dd>
          ) : (
            <dd>
              <span class="text-std-18B-160 tabular-nums">{r.mhlwValue(percent(mhlw.value) ?? 0)}</span>
              <span {...(language === 'en' && langOf(surveyLabel) !== undefined ? { lang: 'ja' } : {})}>{r.mhlwSurvey(surveyLabel)}</span>
              <br />
              {mhlw.same_fiscal_year === false && mhlw.survey_fiscal_year !== undefined && (
                <>
                  <span class="text-dns-14N-130 text-solid-gray-800" data-testid="survey-result-other-year">
                    {r.otherYear(t.statistics.yearName(mhlw.survey_fiscal_year))}
                  </span>
                  <br />
                </>
              )}
              <span class="text-solid-gray-800">{t.statistics.survey.confidence[mhlw.confidence] ?? t.statistics.survey.confidence['?']}</span>
              {mhlw.source !== null && /^https?:\/\//.test(mhlw.source) && (
                <>
                  {' '}
                  <a href={mhlw.source} class={linkClass} rel="noreferrer noopener" target="_blank">
                    {t.statistics.survey.source}
                  </a>
                </>
              )}
            </dd>
          )}
        </div>
      </dl>
    </div>
  );
}

function QuestionSection({ question, k, grouped }: { question: QuestionResult; k: number; grouped: boolean }) {
  const { t, language } = useI18n();
  const text = language === 'en' && question.text_en !== '' ? question.text_en : question.text_ja;
  return (
    <section class="mt-10" data-testid="survey-result" data-question={question.id} aria-labelledby={`survey-result-${question.id}`}>
      <h2 id={`survey-result-${question.id}`} class="text-std-18B-160 text-solid-gray-900">
        {question.number !== null && <span class="mr-2">{question.number}</span>}
        <span {...(language === 'en' && langOf(text) !== undefined ? { lang: 'ja' } : {})}>{text}</span>
      </h2>
      {question.wording === 'mamori' && <p class="mt-1 text-dns-14N-130 text-solid-gray-700">{t.surveys.results.wordingMamori}</p>}
      <div class={`mt-4 grid gap-6 ${question.checklist !== null || question.mhlw !== null ? 'lg:grid-cols-[2fr_1fr]' : ''}`}>
        <ResultTable question={question} k={k} grouped={grouped} />
        <Comparison question={question} k={k} />
      </div>
    </section>
  );
}

function Results({ survey, by, k }: { survey: SurveyListed; by: SurveyGrouping; k: number }) {
  const { t, language } = useI18n();
  const s = t.statistics;
  const r = t.surveys.results;
  const [results, reload] = useResource(`survey-results/${survey.questionnaire}/${survey.version}/${by}`, (signal) =>
    loadSurveyResults(survey.questionnaire, survey.version, by, signal),
  );
  return (
    <Loaded resource={results} reload={reload}>
      {(data) => (
        <div data-testid="survey-results" data-by={by}>
          <p class="mt-4 max-w-3xl text-std-16N-170" data-testid="survey-results-denominator">
            {r.denominator(language === 'en' && data.denominator_en !== '' ? data.denominator_en : data.denominator_ja)}
          </p>
          <p class="mt-4 flex flex-wrap gap-x-6 gap-y-2 text-std-16N-170" data-testid="export-survey">
            <span class="text-solid-gray-800">{r.exportLabel}</span>
            <a href={surveyResultsUrl(survey.questionnaire, survey.version, by, 'csv', language)} download class={linkClass} data-testid="export-survey-csv">
              {s.exportCsv}
            </a>
            <a href={surveyResultsUrl(survey.questionnaire, survey.version, by, 'xlsx', language)} download class={linkClass} data-testid="export-survey-xlsx">
              {s.exportXlsx}
            </a>
          </p>
          {data.questions.map((question) => (
            <QuestionSection key={question.id} question={question} k={k} grouped={by === 'bed_band'} />
          ))}
        </div>
      )}
    </Loaded>
  );
}

export function SurveyResults({ context }: { context: StatisticsContext }) {
  const { t } = useI18n();
  const r = t.surveys.results;
  const search = useSearch();
  const label = useLabel();
  const chosen = chosenFrom(search);
  const [list, reload] = useResource('statistics-survey-list', loadSurveyList);
  const k = context.minimum_count;
  return (
    <div class="mt-8" data-testid="survey-results-view">
      <p class="max-w-3xl text-std-16N-170">{r.lead}</p>
      <Loaded resource={list} reload={reload}>
        {(data) => {
          const surveys = [...data.surveys].sort((a, b) => b.fiscal_year - a.fiscal_year);
          const survey = surveys.find((candidate) => candidate.questionnaire === chosen.questionnaire && candidate.version === chosen.version) ?? surveys[0];
          if (survey === undefined) return <InfoNotice testId="survey-results-none">{r.none}</InfoNotice>;
          const key = (candidate: SurveyListed) => `${candidate.questionnaire}/${candidate.version}`;
          return (
            <>
              <div class="mt-6 grid gap-4 rounded-8 border border-solid-gray-420 p-4 sm:grid-cols-2" data-testid="survey-results-filters">
                <Select
                  id="survey-results-survey"
                  label={r.questionnaire}
                  value={key(survey)}
                  options={surveys.map((candidate) => [key(candidate), r.surveyName(label({ label_ja: candidate.title_ja, label_en: candidate.title_en }), t.statistics.yearName(candidate.fiscal_year))] as const)}
                  onChange={(value) => {
                    const [questionnaire = '', version = ''] = value.split('/');
                    navigate(withParams(search, { questionnaire, version }));
                  }}
                />
                <Select
                  id="survey-results-by"
                  label={r.by}
                  value={chosen.by}
                  options={[
                    ['none', r.byNone],
                    ['bed_band', r.byBedBand],
                  ]}
                  onChange={(by) => navigate(withParams(search, { questionnaire: survey.questionnaire, version: survey.version, by }))}
                />
              </div>
              <p class="mt-4 text-std-16N-170" data-testid="survey-results-responses">
                {r.responses}: <CountText count={survey.responses} k={k} />
              </p>
              <Results key={`${key(survey)}/${chosen.by}`} survey={survey} by={chosen.by} k={k} />
            </>
          );
        }}
      </Loaded>
      <SuppressionNote k={k} />
    </div>
  );
}

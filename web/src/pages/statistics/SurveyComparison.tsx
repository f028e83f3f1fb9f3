// MHLW's published survey figures beside mamori's (hospitals, the chosen fiscal year): each indicator with the
// checklist line it is read from, both shares, MHLW's source and how sure the figure is, and why the two may
// not be comparable. Internal codes and confidence letters never reach the page: they become words.
import { useResource } from '../../api/useResource';
import { useI18n } from '../../i18n';
import { h2Class, linkClass, Loaded } from '../catalog/ui';
import { percent, ShareText } from './format';
import { loadSurveyIndicators, type SurveyIndicator } from './statisticsApi';

function MhlwFigure({ indicator }: { indicator: SurveyIndicator }) {
  const { t, language } = useI18n();
  const s = t.statistics.survey;
  const m = indicator.mhlw;
  if (m === null) return <span>{s.none}</span>;
  const survey = language === 'ja' ? m.survey.label_ja : m.survey.label_en;
  return (
    <>
      <span class="whitespace-nowrap tabular-nums">{s.surveyValue(percent(m.value) ?? 0, survey)}</span>
      <br />
      <span class="text-std-16N-170 text-solid-gray-800">{s.confidence[m.confidence] ?? s.confidence['?']}</span>
      {m.source !== null && (
        <>
          {' '}
          <a href={m.source} class={linkClass} rel="noreferrer noopener" target="_blank">
            {s.source}
          </a>
        </>
      )}
    </>
  );
}

const cell = 'px-2 py-2 max-md:block max-md:px-0 max-md:py-1';

// CardLabel: the column's heading inside the cell, shown only where the table is laid out as cards.
function CardLabel({ text }: { text: string }) {
  return (
    <span class="block text-std-16B-170 text-solid-gray-800 md:hidden">
      {text}
    </span>
  );
}

export function SurveyComparison({ fiscalYear, k }: { fiscalYear: string; k: number }) {
  const { t, language } = useI18n();
  const s = t.statistics.survey;
  const [indicators, reload] = useResource(`indicators?${fiscalYear}`, (signal) => loadSurveyIndicators(fiscalYear, signal));
  return (
    <section class="mt-10" data-testid="survey-comparison">
      <h2 class={h2Class}>{s.title}</h2>
      <p class="mt-2 max-w-3xl text-std-16N-170">{s.lead}</p>
      <Loaded resource={indicators} reload={reload}>
        {(data) => (
          <div class="mt-4 overflow-x-auto">
            {/* Below md each indicator is a card: five columns do not fit a phone. */}
            <table class="w-full border-collapse text-left text-std-16N-170 max-md:block">
              <thead class="max-md:sr-only">
                <tr class="border-b-2 border-solid-gray-600">
                  <th scope="col" class="px-2 py-2">{s.indicator}</th>
                  <th scope="col" class="px-2 py-2">{s.line}</th>
                  <th scope="col" class="px-2 py-2 text-right">{s.mamori(t.statistics.yearName(data.fiscal_year))}</th>
                  <th scope="col" class="px-2 py-2">{s.mhlw}</th>
                  <th scope="col" class="px-2 py-2">{s.notes}</th>
                </tr>
              </thead>
              <tbody class="max-md:block">
                {data.indicators.map((indicator) => (
                  <tr key={indicator.id} class="border-b border-solid-gray-200 align-top max-md:block max-md:py-3" data-testid={`survey-${indicator.id}`}>
                    <th scope="row" class={`${cell} font-bold`}>{language === 'ja' ? indicator.label_ja : indicator.label_en}</th>
                    <td class={cell}>
                      <CardLabel text={s.line} />
                      {indicator.line === null
                        ? '—'
                        : `${indicator.line.number} ${language === 'ja' ? indicator.line.title_ja : indicator.line.title_en}`}
                    </td>
                    <td class={`${cell} md:text-right`}>
                      <CardLabel text={s.mamori(t.statistics.yearName(data.fiscal_year))} />
                      {indicator.mamori === null ? '—' : <ShareText share={indicator.mamori.yes} k={k} />}
                    </td>
                    <td class={cell}>
                      <CardLabel text={s.mhlw} />
                      <MhlwFigure indicator={indicator} />
                    </td>
                    <td class={cell}>
                      <CardLabel text={s.notes} />
                      <ul class="list-disc pl-5">
                        {indicator.line !== null && indicator.line.mapping_confidence !== 'V' && <li>{s.mapping}</li>}
                        {indicator.not_comparable_because.map((reason) => (
                          <li key={reason.code}>{language === 'ja' ? reason.text_ja : reason.text_en}</li>
                        ))}
                      </ul>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Loaded>
    </section>
  );
}

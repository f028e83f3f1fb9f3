// What a submission will show the health centre, listed before the user submits: every いいえ with its
// 目標日, every 記入不要 with its reason, and the lines that have no evidence.
import type { Assessment, AssessmentItem, AssessmentRow } from '../../api/assessments';
import { useI18n } from '../../i18n';
import { Link } from '../../router';
import { h2Class } from '../account/ui';
import { linkClass } from '../catalog/ui';
import { formatDate, rowName, stepOfItem } from './model';
import { assessmentPaths } from './routes';

interface Line {
  item: AssessmentItem;
  row: AssessmentRow;
}

function lines(assessment: Assessment): Line[] {
  return assessment.items.flatMap((item) => item.rows.map((row) => ({ item, row })));
}

export function summaryOf(assessment: Assessment) {
  const all = lines(assessment);
  return {
    no: all.filter((line) => line.row.answer?.value === 'no'),
    notRequired: all.filter((line) => line.row.answer?.value === 'not_required'),
    withoutEvidence: all.filter((line) => line.row.answer?.value !== 'not_required' && (line.row.answer?.evidence.length ?? 0) === 0),
  };
}

function LineList({ assessment, list, detail, testId }: { assessment: Assessment; list: Line[]; detail: (line: Line) => string | null; testId: string }) {
  const { t, language } = useI18n();
  if (list.length === 0) return <p class="mt-1 text-std-16N-170 text-solid-gray-800">{t.checklistDocs.summaryNone}</p>;
  return (
    <ul class="mt-1 grid gap-1 text-std-16N-170" data-testid={testId}>
      {list.map(({ item, row }) => {
        const extra = detail({ item, row });
        return (
          <li key={`${item.canonical_id}/${row.key}`} data-canonical-id={item.canonical_id} data-row={row.key}>
            <Link href={assessmentPaths.wizard(assessment.id, stepOfItem(assessment, item.canonical_id))} class={linkClass}>
              {rowName(t, language, item, row)}
            </Link>{' '}
            <span lang="ja">{item.text_ja}</span>
            {extra !== null && <span class="font-bold">{language === 'ja' ? `（${extra}）` : ` (${extra})`}</span>}
          </li>
        );
      })}
    </ul>
  );
}

export function SubmitSummary({ assessment }: { assessment: Assessment }) {
  const { t, language } = useI18n();
  const d = t.checklistDocs;
  const { no, notRequired, withoutEvidence } = summaryOf(assessment);
  const heading = 'text-std-18B-160 text-solid-gray-900 mt-4';
  return (
    <section aria-labelledby="submit-summary-heading" class="mt-4 rounded-8 border border-solid-gray-420 bg-white p-4" data-testid="submit-summary">
      <h3 id="submit-summary-heading" class={`${h2Class} text-std-20B-150`}>
        {d.summaryHeading}
      </h3>
      <p class="mt-1 text-std-16N-170">{d.summaryLead}</p>
      <h4 class={heading}>{d.summaryNo(no.length)}</h4>
      <LineList
        assessment={assessment}
        list={no}
        testId="summary-no"
        detail={({ row }) => (row.answer?.target_date ? d.targetDate(formatDate(row.answer.target_date, language)) : d.noTargetDate)}
      />
      <h4 class={heading}>{d.summaryNotRequired(notRequired.length)}</h4>
      <LineList
        assessment={assessment}
        list={notRequired}
        testId="summary-not-required"
        detail={({ row }) => (row.answer?.reason === 'gate' ? d.reasonGate : d.reasonNoVendorContract)}
      />
      <h4 class={heading}>{d.summaryWithoutEvidence(withoutEvidence.length)}</h4>
      {withoutEvidence.length === 0 ? (
        <p class="mt-1 text-std-16N-170">{d.everyLineHasEvidence}</p>
      ) : (
        <LineList assessment={assessment} list={withoutEvidence} testId="summary-without-evidence" detail={() => null} />
      )}
    </section>
  );
}

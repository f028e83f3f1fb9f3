// /assessments/{id}/table: every answer row in one table for a hospital's security manager. Filters by section
// and by state (unanswered, いいえ, 要再確認, overdue); editing in place with the keyboard: ↑/↓ move between
// rows, Enter edits, Esc cancels, Y answers はい, N starts いいえ (a target date is needed), H shows the
// history. A save that someone else's came before opens the conflict dialog.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Answer, Assessment, AssessmentItem, AssessmentRow, Progress } from '../../api/assessments';
import { RequireSession } from '../../auth/RequireSession';
import { useI18n } from '../../i18n';
import { Link, navigate, useSearch } from '../../router';
import {
  buttonClass,
  cardCellClass,
  cardHeadClass,
  cardRowClass,
  cardTableClass,
  CellLabel,
  InfoNotice,
  primaryButtonClass,
  ProblemBox,
} from '../account/ui';
import { Breadcrumbs, h1Class, linkClass } from '../catalog/ui';
import { AnswerForm, needsVendorSwitch, saveNoVendor } from './AnswerForm';
import { useAssessment, useRowSaver, type AssessmentState, type RowSaver } from './hooks';
import { allRows, gateAnsweredNo, isAnswered, isOverdue, lockOf, pickText, rowLabelOf, rowName, sectionsOf, shortDate, valueLabel } from './model';
import { assessmentTitle } from './Overview';
import { assessmentPaths } from './routes';
import { problemText, todayIso, WithAssessment } from './ui';
import { EvidencePanel } from './EvidencePanel';
import { NewBadge, OverdueBadge, ProgressBar, ReconfirmBadge, ValueChip } from './badges';
import { ConflictDialog, HistoryDialog } from './dialogs';

export type TableFilter = 'all' | 'unanswered' | 'no' | 'reconfirm' | 'overdue';
const filters: readonly TableFilter[] = ['all', 'unanswered', 'no', 'reconfirm', 'overdue'];

function matches(filter: TableFilter, answer: Answer | null, today: string): boolean {
  switch (filter) {
    case 'all':
      return true;
    case 'unanswered':
      return !isAnswered(answer);
    case 'no':
      return answer?.value === 'no';
    case 'reconfirm':
      return answer?.needs_reconfirmation === true;
    case 'overdue':
      return isOverdue(answer, today);
  }
}

function rowStatusText(t: ReturnType<typeof useI18n>['t'], saver: RowSaver): string {
  const s = t.assessments.table.status;
  switch (saver.status) {
    case 'saving':
      return s.saving;
    case 'saved':
      return s.saved;
    case 'error':
    case 'incomplete':
      return s.error;
    case 'conflict':
      return s.conflict;
    default:
      return '';
  }
}

interface RowProps {
  state: AssessmentState;
  assessment: Assessment;
  item: AssessmentItem;
  row: AssessmentRow;
  index: number;
  focused: boolean;
  editing: boolean;
  onFocus: (index: number) => void;
  onMove: (index: number) => void;
  onEdit: (index: number | null) => void;
  onHistory: (item: AssessmentItem, row: AssessmentRow) => void;
  register: (index: number, element: HTMLTableRowElement | null) => void;
}

function TableRow({ state, assessment, item, row, index, focused, editing, onFocus, onMove, onEdit, onHistory, register }: RowProps) {
  const { t, language } = useI18n();
  const a = t.assessments;
  const editable = assessment.permissions.edit && assessment.status === 'draft';
  const answer = row.answer;
  const title = rowName(t, language, item, row);
  const today = todayIso();
  const [problem, setProblem] = useState<unknown>(null);
  const trRef = useRef<HTMLTableRowElement | null>(null);
  const saver = useRowSaver({
    t,
    assessmentId: assessment.id,
    canonicalId: item.canonical_id,
    rowKey: row.key,
    answer,
    rules: { latestTargetDate: row.latest_target_date, hasSecond: assessment.form.has_second_confirmation },
    onSaved: (saved: Answer, progress: Progress | null) => state.applyAnswer(item.canonical_id, row.key, saved, progress),
  });
  const locked = lockOf(assessment, item) !== null;

  // Focus goes back to the row before the editor goes, so that it is never left on the page's body.
  const backToRow = () => {
    trRef.current?.focus();
    onEdit(null);
  };

  const commit = async () => {
    setProblem(null);
    let ok: boolean;
    try {
      ok = needsVendorSwitch(assessment, saver.draft)
        ? await saveNoVendor(assessment, state.replace, saver, item.canonical_id, row.key, saver.draft)
        : await saver.save();
    } catch (error) {
      setProblem(error);
      ok = false;
    }
    if (ok) backToRow();
  };

  const cancel = () => {
    saver.reset();
    setProblem(null);
    backToRow();
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.target !== event.currentTarget || event.altKey || event.ctrlKey || event.metaKey) return;
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        onMove(index + 1);
        break;
      case 'ArrowUp':
        event.preventDefault();
        onMove(index - 1);
        break;
      case 'Home':
        event.preventDefault();
        onMove(0);
        break;
      case 'End':
        event.preventDefault();
        onMove(Number.MAX_SAFE_INTEGER);
        break;
      case 'Enter':
        event.preventDefault();
        if (editable && !locked) onEdit(index);
        break;
      case 'y':
      case 'Y':
        event.preventDefault();
        if (!editable || locked) break;
        void saver.save({
          ...saver.draft,
          value: 'yes',
          reason: null,
          confirmed_on: saver.draft.confirmed_on === '' ? today : saver.draft.confirmed_on,
          target_date: '',
        });
        break;
      case 'n':
      case 'N':
        event.preventDefault();
        if (!editable || locked) break;
        saver.change(
          { value: 'no', reason: null, confirmed_on: saver.draft.confirmed_on === '' ? today : saver.draft.confirmed_on },
          'no',
        );
        onEdit(index);
        break;
      case 'h':
      case 'H':
        event.preventDefault();
        onHistory(item, row);
        break;
    }
  };

  const status = rowStatusText(t, saver);
  const label = rowLabelOf(t, language, row);
  const overdue = isOverdue(answer, today);
  const evidenceCount = answer?.evidence.length ?? 0;
  return (
    <>
      <tr
        ref={(element) => {
          trRef.current = element;
          register(index, element);
        }}
        tabIndex={focused ? 0 : -1}
        onFocus={(event) => {
          if (event.target === event.currentTarget) onFocus(index);
        }}
        onKeyDown={onKeyDown}
        aria-label={`${title} ${pickText(language, item.text_ja, item.text_en)}: ${valueLabel(t, answer)}`}
        aria-keyshortcuts="ArrowUp ArrowDown Enter Escape Y N H"
        data-testid="table-row"
        data-canonical-id={item.canonical_id}
        data-row={row.key}
        data-value={answer?.value ?? 'none'}
        class={`${cardRowClass} cursor-default align-top outline-offset-[-4px] focus-visible:bg-yellow-50 ${focused ? 'bg-blue-50' : ''} ${
          overdue ? 'md:border-l-4 md:border-l-error-1' : ''
        }`}
        onClick={() => onFocus(index)}
      >
        <td class={`${cardCellClass} whitespace-nowrap font-bold text-blue-1000`}>
          <CellLabel>{a.table.number}</CellLabel>
          {item.number}
        </td>
        <td class={`${cardCellClass} min-w-0`}>
          <CellLabel>{a.table.item}</CellLabel>
          <div class="min-w-0">
            <p class="text-std-16N-170 text-solid-gray-900" lang={language === 'en' ? 'en' : 'ja'}>
              {pickText(language, item.text_ja, item.text_en)}
            </p>
            <div class="mt-1 flex flex-wrap items-center gap-2">
              {label !== null && <span class="rounded-4 border border-solid-gray-420 bg-solid-gray-50 px-1.5 text-dns-14B-120 text-solid-gray-900">{label}</span>}
              {item.new_this_year && <NewBadge />}
              {answer?.needs_reconfirmation === true && <ReconfirmBadge />}
              {overdue && <OverdueBadge />}
            </div>
            {answer !== null && answer.note !== '' && (
              <p class="mt-1 line-clamp-2 text-dns-14N-130 text-solid-gray-700">
                {a.note}: {answer.note}
              </p>
            )}
            {evidenceCount > 0 && <p class="mt-1 text-dns-14N-130 text-solid-gray-700">{a.evidence.count(evidenceCount)}</p>}
          </div>
        </td>
        <td class={cardCellClass}>
          <CellLabel>{a.answer}</CellLabel>
          <div class="grid gap-1">
            <ValueChip answer={answer} testId="row-value" />
            <span role="status" class="text-dns-14N-130 text-solid-gray-700" data-testid="row-status" data-state={saver.status}>
              {status}
            </span>
          </div>
        </td>
        <td class={`${cardCellClass} text-dns-14N-130`}>
          <CellLabel>{a.table.dates}</CellLabel>
          <div class="grid gap-0.5">
            {answer?.confirmed_on !== null && answer?.confirmed_on !== undefined && (
              <span>
                {a.table.confirmedShort}: {shortDate(answer.confirmed_on, language)}
              </span>
            )}
            {answer?.target_date !== null && answer?.target_date !== undefined && (
              <span class={overdue ? 'font-bold text-error-1' : ''}>
                {a.table.targetShort}: {shortDate(answer.target_date, language)}
              </span>
            )}
          </div>
        </td>
        <td class={`${cardCellClass} whitespace-nowrap`}>
          <CellLabel>{a.table.actions}</CellLabel>
          <div class="flex flex-wrap gap-x-3">
            {editable && !locked && (
              <button type="button" class={`inline-flex min-h-11 items-center text-dns-16N-120 ${linkClass}`} onClick={() => onEdit(index)}>
                {a.table.edit}
                <span class="sr-only">{`（${title}）`}</span>
              </button>
            )}
            <button type="button" class={`inline-flex min-h-11 items-center text-dns-16N-120 ${linkClass}`} onClick={() => onHistory(item, row)} data-testid="row-history">
              {a.history.short}
              <span class="sr-only">{`（${title}）`}</span>
            </button>
          </div>
          <ConflictDialog saver={saver} rowTitle={title} />
        </td>
      </tr>
      {editing && (
        <tr class="block md:table-row" data-testid="row-editor-row">
          <td colSpan={5} class="block border-b-2 border-blue-900 bg-blue-50 px-3 py-4 md:table-cell md:px-4">
            <form
              data-testid="row-editor"
              aria-label={a.table.editorLabel(title)}
              onSubmit={(event) => {
                event.preventDefault();
                void commit();
              }}
              onKeyDown={(event) => {
                if (event.key === 'Escape') {
                  event.preventDefault();
                  event.stopPropagation();
                  cancel();
                  return;
                }
                // Enter saves from anywhere in the editor but the note (a new line there) and the buttons
                // below; on an answer button it first chooses that answer.
                const target = event.target as HTMLElement;
                if (event.key !== 'Enter' || event.isComposing || target instanceof HTMLTextAreaElement) return;
                if (target instanceof HTMLButtonElement && target.dataset['value'] === undefined) return;
                event.preventDefault();
                if (target instanceof HTMLButtonElement && target.getAttribute('aria-pressed') !== 'true') target.click();
                const form = event.currentTarget as HTMLFormElement;
                window.setTimeout(() => form.requestSubmit(), 0);
              }}
            >
              <h2 class="text-std-16B-170 text-solid-gray-900">{a.table.editorLabel(title)}</h2>
              <p class="text-dns-14N-130 text-solid-gray-700">{a.table.editorHelp}</p>
              <div class="mt-3">
                <AnswerForm
                  idPrefix={`edit-${item.canonical_id}-${row.key}`.replace(/[^A-Za-z0-9-]/g, '-')}
                  assessment={assessment}
                  item={item}
                  row={row}
                  saver={saver}
                  mode="manual"
                  large={false}
                  editable={editable}
                  replace={state.replace}
                  focusValue
                />
              </div>
              {saver.problem !== null && <ProblemBox problem={problemText(t, language, saver.problem)} />}
              {problem !== null && <ProblemBox problem={problemText(t, language, problem)} />}
              <div class="mt-4 flex flex-wrap gap-3">
                <button type="submit" class={primaryButtonClass} disabled={saver.status === 'saving'} data-testid="row-save">
                  {saver.status === 'saving' ? a.save.saving : a.table.save}
                </button>
                <button type="button" class={buttonClass} onClick={cancel} data-testid="row-cancel">
                  {t.identity.cancel}
                </button>
              </div>
            </form>
            <div
              class="mt-4"
              onKeyDown={(event) => {
                if (event.key === 'Escape' && !event.defaultPrevented) {
                  event.preventDefault();
                  cancel();
                }
              }}
            >
              <EvidencePanel
                assessmentId={assessment.id}
                canonicalId={item.canonical_id}
                rowKey={row.key}
                idPrefix={`edit-${item.canonical_id}-${row.key}-ev`.replace(/[^A-Za-z0-9-]/g, '-')}
                answer={answer}
                editable={editable}
                onChange={(evidence) => state.applyEvidence(item.canonical_id, row.key, evidence)}
              />
            </div>
          </td>
        </tr>
      )}
    </>
  );
}

function readQuery(search: string): { section: string; filter: TableFilter } {
  const params = new URLSearchParams(search);
  const filter = params.get('show');
  return {
    section: params.get('section') ?? '',
    filter: filters.includes(filter as TableFilter) ? (filter as TableFilter) : 'all',
  };
}

function TableBody({ state, assessment }: { state: AssessmentState; assessment: Assessment }) {
  const { t, language } = useI18n();
  const a = t.assessments;
  const search = useSearch();
  const { section, filter } = readQuery(search);
  const today = todayIso();
  const sections = sectionsOf(assessment);
  const rows = allRows(assessment).filter(({ item, row }) => (section === '' || item.section_ja === section) && matches(filter, row.answer, today));
  const [focus, setFocus] = useState(0);
  const [editing, setEditing] = useState<string | null>(null);
  const [history, setHistory] = useState<{ item: AssessmentItem; row: AssessmentRow } | null>(null);
  const elements = useRef(new Map<number, HTMLTableRowElement>());
  const title = assessmentTitle(t, language, assessment);
  const editable = assessment.permissions.edit && assessment.status === 'draft';

  const setQuery = (next: { section?: string; filter?: TableFilter }) => {
    const params = new URLSearchParams();
    const s = next.section ?? section;
    const f = next.filter ?? filter;
    if (s !== '') params.set('section', s);
    if (f !== 'all') params.set('show', f);
    const query = params.toString();
    setEditing(null);
    setFocus(0);
    navigate(`${assessmentPaths.table(assessment.id)}${query === '' ? '' : `?${query}`}`, { replace: true });
  };

  useEffect(() => {
    if (focus >= rows.length && rows.length > 0) setFocus(rows.length - 1);
  }, [rows.length]);

  const move = (index: number) => {
    const target = Math.max(0, Math.min(index, rows.length - 1));
    setFocus(target);
    const element = elements.current.get(target);
    element?.focus();
    element?.scrollIntoView({ block: 'nearest' });
  };

  const keyOf = (item: AssessmentItem, row: AssessmentRow) => `${item.canonical_id}/${row.key}`;
  const counts = filters.map((candidate) => ({
    filter: candidate,
    count: allRows(assessment).filter(({ item, row }) => (section === '' || item.section_ja === section) && matches(candidate, row.answer, today)).length,
  }));

  return (
    <>
      <Breadcrumbs
        items={[
          { label: t.nav.assessments, href: assessmentPaths.list },
          { label: title, href: assessmentPaths.overview(assessment.id) },
          { label: a.table.crumb },
        ]}
      />
      <h1 class={h1Class}>
        <span class="block text-std-20B-150 text-solid-gray-700 md:text-std-24B-150">{title}</span>
        <span class="block">{a.table.title}</span>
      </h1>
      <div class="mt-4 max-w-3xl">
        <ProgressBar progress={assessment.progress} />
      </div>
      {!editable && (
        <InfoNotice testId="read-only">
          <p>{assessment.status === 'submitted' ? a.readOnlySubmitted : a.readOnly}</p>
        </InfoNotice>
      )}
      {gateAnsweredNo(assessment) && (
        <InfoNotice testId="gate-notice">
          <p class="text-std-16B-170">{a.gateNoNotice}</p>
        </InfoNotice>
      )}

      <div role="search" aria-label={a.table.filtersLabel} class="mt-6 flex flex-wrap items-end gap-4 rounded-8 bg-solid-gray-50 p-4" data-testid="table-filters">
        <div>
          <label for="filter-section" class="block text-std-16B-170 text-solid-gray-900">
            {a.table.section}
          </label>
          <select
            id="filter-section"
            value={section}
            onChange={(event) => setQuery({ section: (event.currentTarget as HTMLSelectElement).value })}
            class="mt-1 block min-h-11 max-w-full rounded-8 border border-solid-gray-600 bg-white px-3 text-std-16N-170"
          >
            <option value="">{a.table.allSections}</option>
            {sections.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
        </div>
        <fieldset>
          <legend class="text-std-16B-170 text-solid-gray-900">{a.table.show}</legend>
          <div class="mt-1 flex flex-wrap gap-2">
            {counts.map(({ filter: candidate, count }) => (
              <button
                key={candidate}
                type="button"
                aria-pressed={filter === candidate}
                onClick={() => setQuery({ filter: candidate })}
                data-filter={candidate}
                class={`inline-flex min-h-11 items-center gap-1 rounded-8 border px-3 text-dns-16B-120 ${
                  filter === candidate ? 'border-blue-900 bg-blue-900 text-white' : 'border-blue-900 bg-white text-blue-1000 hover:bg-blue-50 hover:underline'
                }`}
              >
                {filter === candidate && <span aria-hidden="true">✓</span>}
                {a.table.filters[candidate]}
                <span class={filter === candidate ? 'text-white' : 'text-solid-gray-700'}>({count})</span>
              </button>
            ))}
          </div>
        </fieldset>
      </div>

      <p id="table-keys" class="mt-4 text-std-16N-170 text-solid-gray-800">
        <span aria-hidden="true" class="mr-1">
          ⌨
        </span>
        {editable ? a.table.keys : a.table.keysReadOnly}
      </p>
      <p role="status" class="mt-1 text-std-16N-170 text-solid-gray-800" data-testid="table-count">
        {a.table.showing(rows.length, allRows(assessment).length)}
      </p>

      {rows.length === 0 ? (
        <p class="mt-4 text-std-16N-170" data-testid="table-empty">
          {a.table.empty}
        </p>
      ) : (
        // The table scrolls inside its own box if it ever has to; the page itself never scrolls sideways (1.4.10).
        <div class="mt-3 overflow-x-auto" data-scroll-container>
          <table class={`${cardTableClass} md:table-fixed`} aria-describedby="table-keys" data-testid="assessment-table">
            <caption class="sr-only">{a.table.caption(title)}</caption>
            <colgroup>
              <col class="md:w-14 lg:w-16" />
              <col />
              <col class="md:w-28 lg:w-32" />
              <col class="md:w-32 lg:w-40" />
              <col class="md:w-24 lg:w-28" />
            </colgroup>
            <thead class={cardHeadClass}>
              <tr class="border-b-2 border-solid-gray-600 text-dns-16B-120 text-solid-gray-900">
                <th scope="col" class="px-2 py-2">
                  {a.table.number}
                </th>
                <th scope="col" class="px-2 py-2">
                  {a.table.item}
                </th>
                <th scope="col" class="px-2 py-2">
                  {a.answer}
                </th>
                <th scope="col" class="px-2 py-2">
                  {a.table.dates}
                </th>
                <th scope="col" class="px-2 py-2">
                  {a.table.actions}
                </th>
              </tr>
            </thead>
            <tbody class="block md:table-row-group">
              {rows.map(({ item, row }, index) => (
                <TableRow
                  key={keyOf(item, row)}
                  state={state}
                  assessment={assessment}
                  item={item}
                  row={row}
                  index={index}
                  focused={index === focus}
                  editing={editing === keyOf(item, row)}
                  onFocus={setFocus}
                  onMove={move}
                  onEdit={(target) => {
                    if (target === null) setEditing(null);
                    else {
                      const entry = rows[target];
                      if (entry !== undefined) setEditing(keyOf(entry.item, entry.row));
                      setFocus(target);
                    }
                  }}
                  onHistory={(historyItem, historyRow) => setHistory({ item: historyItem, row: historyRow })}
                  register={(i, element) => {
                    if (element === null) elements.current.delete(i);
                    else elements.current.set(i, element);
                  }}
                />
              ))}
            </tbody>
          </table>
        </div>
      )}
      {history !== null && (
        <HistoryDialog
          assessmentId={assessment.id}
          canonicalId={history.item.canonical_id}
          rowKey={history.row.key}
          rowTitle={rowName(t, language, history.item, history.row)}
          open
          onClose={() => {
            const index = rows.findIndex((entry) => entry.item === history.item && entry.row.key === history.row.key);
            setHistory(null);
            if (index >= 0) window.setTimeout(() => elements.current.get(index)?.focus(), 0);
          }}
        />
      )}
      <p class="mt-8 flex flex-wrap gap-4">
        <Link href={assessmentPaths.overview(assessment.id)} class={`text-std-16N-170 ${linkClass}`}>
          {a.wizard.toOverview}
        </Link>
        <Link href={assessmentPaths.wizard(assessment.id)} class={`text-std-16N-170 ${linkClass}`}>
          {a.table.toWizard}
        </Link>
      </p>
    </>
  );
}

function TableLoaded({ id }: { id: number }) {
  const state = useAssessment(id);
  return (
    <WithAssessment resource={state.resource} reload={() => void state.reload(false)}>
      {(assessment) => <TableBody state={state} assessment={assessment} />}
    </WithAssessment>
  );
}

export function Table({ id }: { id: number }) {
  return <RequireSession>{() => <TableLoaded id={id} />}</RequireSession>;
}

// The fields of one answer row: はい / いいえ / 記入不要, 確認日 (today by default), 目標日 (for いいえ, with the
// latest date allowed), 2回目 where the form has it, and メモ. The wizard saves on every change ("auto"); the
// table edits first and saves on Enter ("manual").
import { useEffect, useRef, useState } from 'preact/hooks';
import { assessmentApi, type AnswerValue, type Assessment, type AssessmentItem, type AssessmentRow } from '../../api/assessments';
import { useI18n } from '../../i18n';
import { buttonClass, InfoNotice, ProblemBox } from '../account/ui';
import type { Draft, RowSaver } from './hooks';
import { allowedValues, answerOf, formatDate, lockOf } from './model';
import { problemText, todayIso } from './ui';
import { DateField, NoteField, ValueButtons } from './fields';
import { PreparednessContextNote, preparednessItems } from './PreparednessContextNote';
import { RegisterContextNote } from './RegisterContextNote';

/** The items the systems register speaks to even when the form does not tie them to a vendor contract. */
const registerItems = ['VND-01', 'VND-02', 'AST-01', 'VUL-01'];

/** What the institution's registers say beside the item: the preparedness records for 3-①②③, else the systems register and the ledger. */
function ItemContextNote(props: { assessmentId: number; canonicalId: string; answerKey: string }) {
  const Note = preparednessItems.includes(props.canonicalId) ? PreparednessContextNote : RegisterContextNote;
  return <Note {...props} />;
}

/** Whether saving `draft` first needs the assessment to say "no vendor contract". */
export function needsVendorSwitch(assessment: Assessment, draft: Draft): boolean {
  return draft.value === 'not_required' && draft.reason === 'no_vendor_contract' && assessment.has_vendor_contract;
}

/**
 * Saves `draft` for a vendor item as 記入不要: first records that there is no vendor contract (the server may
 * then fill the row itself), then saves the row if it still needs it.
 */
export async function saveNoVendor(
  assessment: Assessment,
  replace: (assessment: Assessment) => void,
  saver: RowSaver,
  canonicalId: string,
  rowKey: string,
  draft: Draft,
): Promise<boolean> {
  const updated = await assessmentApi.setVendorContract(assessment.id, assessment.version, false);
  replace(updated);
  const fresh = answerOf(updated, canonicalId, rowKey);
  saver.adopt(fresh);
  if (fresh !== null && fresh.value === 'not_required') return true;
  return saver.save(draft);
}

export function AnswerForm({
  idPrefix,
  assessment,
  item,
  row,
  saver,
  mode,
  large,
  editable,
  replace,
  focusValue,
}: {
  idPrefix: string;
  assessment: Assessment;
  /** null for the gate question. */
  item: AssessmentItem | null;
  row: AssessmentRow | null;
  saver: RowSaver;
  mode: 'auto' | 'manual';
  large: boolean;
  editable: boolean;
  /** Takes the assessment after a change of the vendor contract. */
  replace: (assessment: Assessment) => void;
  /** Focus the answer buttons when shown (the table's editor). */
  focusValue?: boolean;
}) {
  const { t, language } = useI18n();
  const a = t.assessments;
  const targetRef = useRef<HTMLDivElement>(null);
  const valueRef = useRef<HTMLDivElement>(null);
  const wantTargetFocus = useRef(false);
  const [problem, setProblem] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const draft = saver.draft;
  const lock = lockOf(assessment, item);
  const allowed: AnswerValue[] = allowedValues(assessment, item);
  const latest = row?.latest_target_date ?? `${assessment.fiscal_year + 1}-03-31`;
  const today = todayIso();
  const auto = mode === 'auto';

  useEffect(() => {
    if (wantTargetFocus.current && draft.value === 'no') {
      wantTargetFocus.current = false;
      targetRef.current?.querySelector('input')?.focus();
    }
  });

  useEffect(() => {
    if (focusValue === true) {
      if (draft.value === 'no' && draft.target_date === '') {
        const target = targetRef.current?.querySelector('input');
        if (target) {
          target.focus();
          return;
        }
      }
      const buttons = valueRef.current?.querySelectorAll('button');
      const pressed = valueRef.current?.querySelector<HTMLButtonElement>('button[aria-pressed="true"]');
      (pressed ?? buttons?.[0])?.focus();
    }
  }, [focusValue]);

  const choose = (value: AnswerValue) => {
    const reason = value !== 'not_required' ? null : lock === 'gate' ? 'gate' : 'no_vendor_contract';
    const patch: Partial<Draft> = {
      value,
      reason,
      confirmed_on: draft.confirmed_on === '' ? today : draft.confirmed_on,
      target_date: value === 'no' ? draft.target_date : '',
      ...(value === 'not_required' ? { second_value: '' as const, second_confirmed_on: '' } : {}),
    };
    const next: Draft = { ...draft, ...patch };
    if (value === 'no') wantTargetFocus.current = true;
    if (needsVendorSwitch(assessment, next) && auto) {
      saver.change(patch, 'no');
      setProblem(null);
      setBusy(true);
      saveNoVendor(assessment, replace, saver, item?.canonical_id ?? '', row?.key ?? 'main', next)
        .catch((error: unknown) => setProblem(error))
        .finally(() => setBusy(false));
      return;
    }
    saver.change(patch, !auto || (value === 'no' && item !== null && next.target_date === '') ? 'no' : 'now');
  };

  const vendorHelp = item?.applicability.requires_vendor_contract === true && lock === null;
  const locked = lock !== null;

  const contractAgain = async () => {
    setProblem(null);
    setBusy(true);
    try {
      const updated = await assessmentApi.setVendorContract(assessment.id, assessment.version, true);
      replace(updated);
      saver.adopt(item === null || row === null ? null : answerOf(updated, item.canonical_id, row.key));
    } catch (error) {
      setProblem(error);
    }
    setBusy(false);
  };

  return (
    <div class={`grid ${large ? 'gap-5' : 'gap-3'}`}>
      <div ref={valueRef}>
        {locked ? (
          <p class={`${large ? 'text-std-20B-150' : 'text-std-16B-170'} text-solid-gray-900`} data-testid="locked-value">
            {a.answer}: <span aria-hidden="true">－ </span>
            {lock === 'gate' ? a.values.gate : a.values.not_required}
          </p>
        ) : (
          <ValueButtons
            id={`${idPrefix}-value`}
            label={a.answer}
            value={draft.value}
            allowed={allowed}
            onChoose={choose}
            disabled={!editable || busy}
            large={large}
            error={saver.errors['value'] ?? saver.errors['reason']}
          />
        )}
        {vendorHelp && <p class="mt-2 text-std-16N-170 text-solid-gray-800">{a.vendorNotRequiredHelp}</p>}
        {item !== null && (item.applicability.requires_vendor_contract || registerItems.includes(item.canonical_id) || preparednessItems.includes(item.canonical_id)) && (
          <div class="mt-3">
            <ItemContextNote assessmentId={assessment.id} canonicalId={item.canonical_id} answerKey={`${assessment.version}:${saver.savedAt?.getTime() ?? 0}`} />
          </div>
        )}
        {lock === 'vendor' && (
          <InfoNotice testId="vendor-notice">
            <p class="text-std-16B-170">
              <span aria-hidden="true" class="mr-2">
                ℹ
              </span>
              {a.vendorLocked}
            </p>
            {editable && (
              <p class="mt-3">
                <button type="button" class={buttonClass} onClick={() => void contractAgain()} disabled={busy} data-testid="vendor-contract-again">
                  {a.vendorAgain}
                </button>
              </p>
            )}
          </InfoNotice>
        )}
        {problem !== null && <ProblemBox problem={problemText(t, language, problem)} />}
      </div>
      {draft.value !== null && !locked && (
        <div class={`grid gap-4 ${large ? 'sm:grid-cols-2' : 'sm:grid-cols-2'}`}>
          <DateField
            id={`${idPrefix}-confirmed`}
            label={a.confirmedOn}
            help={draft.value === 'not_required' ? a.confirmedOptional : a.confirmedHelp}
            value={draft.confirmed_on}
            max={today}
            required={draft.value !== 'not_required'}
            disabled={!editable}
            compact={!large}
            error={saver.errors['confirmed_on']}
            onChange={(value) => saver.change({ confirmed_on: value }, auto && value !== '' ? 'now' : 'no')}
          />
          {draft.value === 'no' && item !== null && (
            <div ref={targetRef}>
              <DateField
                id={`${idPrefix}-target`}
                label={a.targetDate}
                help={a.targetHelp(formatDate(latest, language))}
                value={draft.target_date}
                max={latest}
                {...(draft.confirmed_on === '' ? {} : { min: draft.confirmed_on })}
                required
                disabled={!editable}
                compact={!large}
                error={saver.errors['target_date']}
                onChange={(value) => saver.change({ target_date: value }, auto && value !== '' ? 'now' : 'no')}
              />
            </div>
          )}
        </div>
      )}
      {assessment.form.has_second_confirmation && item !== null && draft.value !== null && draft.value !== 'not_required' && (
        <fieldset class="rounded-8 border border-solid-gray-420 p-3" data-testid="second-confirmation">
          <legend class="px-1 text-std-16B-170 text-solid-gray-900">{a.second}</legend>
          <p class="text-dns-14N-130 text-solid-gray-700">{a.secondHelp}</p>
          <div class="mt-2 grid gap-3 sm:grid-cols-2">
            <div>
              <label for={`${idPrefix}-second`} class="block text-std-16B-170 text-solid-gray-900">
                {a.secondValue}
              </label>
              <select
                id={`${idPrefix}-second`}
                value={draft.second_value}
                disabled={!editable}
                onChange={(event) => {
                  const value = (event.currentTarget as HTMLSelectElement).value as Draft['second_value'];
                  const patch: Partial<Draft> = {
                    second_value: value,
                    second_confirmed_on: value === '' ? '' : draft.second_confirmed_on === '' ? today : draft.second_confirmed_on,
                  };
                  saver.change(patch, auto ? 'now' : 'no');
                }}
                class="mt-1 block min-h-11 w-full max-w-64 rounded-8 border border-solid-gray-600 bg-white px-3 text-std-16N-170"
                {...(saver.errors['second'] === undefined ? {} : { 'aria-invalid': true, 'aria-describedby': `${idPrefix}-second-error` })}
              >
                <option value="">{a.secondNone}</option>
                <option value="yes">{a.values.yes}</option>
                <option value="no">{a.values.no}</option>
              </select>
            </div>
            {draft.second_value !== '' && (
              <DateField
                id={`${idPrefix}-second-date`}
                label={a.secondDate}
                value={draft.second_confirmed_on}
                max={today}
                {...(draft.confirmed_on === '' ? {} : { min: draft.confirmed_on })}
                required
                disabled={!editable}
                compact
                onChange={(value) => saver.change({ second_confirmed_on: value }, auto && value !== '' ? 'now' : 'no')}
              />
            )}
          </div>
          {saver.errors['second'] !== undefined && (
            <p id={`${idPrefix}-second-error`} class="mt-1 text-std-16N-170 text-error-1">
              <span aria-hidden="true">＊</span>
              {saver.errors['second']}
            </p>
          )}
        </fieldset>
      )}
      <NoteField
        id={`${idPrefix}-note`}
        value={draft.note}
        rows={large ? 3 : 2}
        disabled={!editable}
        error={saver.errors['note']}
        onInput={(value) => saver.change({ note: value }, auto && draft.value !== null ? 'later' : 'no')}
        onBlur={() => {
          if (auto && saver.dirty && draft.value !== null) void saver.save();
        }}
      />
    </div>
  );
}

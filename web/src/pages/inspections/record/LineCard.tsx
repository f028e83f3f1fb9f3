// One line of the checklist of record: what the institution answered (frozen when the record started) and
// the inspector's verdict, finding, evidence seen and internal note, recorded with the version it was based on.
import { useState } from 'preact/hooks';
import { langOf, useI18n } from '../../../i18n';
import { formatDate } from '../../assessments/model';
import { buttonClass } from '../../catalog/ui';
import type { FrozenLine, LineEdit, Proposal, RecordLine, Verdict } from './recordApi';
import { verdicts } from './recordApi';

const fieldClass = 'mt-1 block w-full rounded-8 border border-solid-gray-600 bg-white px-3 py-2 text-std-16N-170 text-solid-gray-900';

export interface LineState {
  frozen: FrozenLine;
  server: RecordLine | undefined;
  queued: LineEdit | undefined;
  proposal: Proposal | undefined;
}

export function LineCard({
  state,
  readOnly,
  inspector,
  message,
  onSave,
}: {
  state: LineState;
  readOnly: boolean;
  inspector: boolean;
  message: string | null;
  onSave: (edit: LineEdit) => void;
}) {
  const { t, language } = useI18n();
  const r = t.inspectionRecord;
  const { frozen, server, queued, proposal } = state;
  const shown = queued ?? server;
  const [verdict, setVerdict] = useState<Verdict | ''>(shown?.verdict ?? (proposal !== undefined && !readOnly ? 'incomplete' : ''));
  const [finding, setFinding] = useState(shown?.finding ?? '');
  const [evidenceSeen, setEvidenceSeen] = useState(shown?.evidence_seen ?? '');
  const [note, setNote] = useState(shown?.note ?? '');
  const id = `line-${frozen.canonical_id}-${frozen.row}`.replace(/[^A-Za-z0-9_-]/g, '_');
  const title = frozen.gate ? r.gate : `${frozen.number} ${frozen.text}`;
  const answer = frozen.answer === null ? r.unanswered : (r.answers[frozen.answer] ?? r.unanswered);

  const save = (event: Event) => {
    event.preventDefault();
    if (verdict === '') return;
    onSave({
      canonical_id: frozen.canonical_id,
      row: frozen.row,
      verdict,
      finding: verdict === 'finding' ? finding.trim() : '',
      note,
      evidence_seen: evidenceSeen,
      base_version: queued?.base_version ?? server?.version ?? 0,
    });
  };

  return (
    <li class="rounded-8 border border-solid-gray-420 bg-white p-4" data-testid="record-line" data-line={`${frozen.canonical_id}/${frozen.row}`}>
      <h3 class="text-std-17B-170 text-solid-gray-900" id={`${id}-title`}>
        {/* The checklist of record is the Japanese document as it stood; its words stay marked Japanese. */}
        <span lang={langOf(title)}>{title}</span>
        {frozen.device_classes !== '' && (
          <span class="ml-2 text-std-16N-170 text-solid-gray-700" lang="ja">
            （{frozen.device_classes}）
          </span>
        )}
      </h3>
      <dl class="mt-2 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-std-16N-170">
        <dt class="text-solid-gray-700">{r.institutionAnswer}</dt>
        <dd data-testid="frozen-answer">
          {answer}
          {frozen.needs_reconfirmation && `（${r.carried}）`}
        </dd>
        {frozen.confirmed_on !== null && (
          <>
            <dt class="text-solid-gray-700">{r.confirmedOn}</dt>
            <dd>{formatDate(frozen.confirmed_on, language)}</dd>
          </>
        )}
        {frozen.target_date !== null && (
          <>
            <dt class="text-solid-gray-700">{r.targetDate}</dt>
            <dd>{formatDate(frozen.target_date, language)}</dd>
          </>
        )}
        {frozen.note !== '' && (
          <>
            <dt class="text-solid-gray-700">{r.institutionNote}</dt>
            <dd>{frozen.note}</dd>
          </>
        )}
        {frozen.evidence.length > 0 && (
          <>
            <dt class="text-solid-gray-700">{r.evidence}</dt>
            <dd>{frozen.evidence.join('、')}</dd>
          </>
        )}
      </dl>
      {inspector && proposal !== undefined && (
        <p class="mt-2 text-std-16B-170 text-yellow-900" data-testid="proposal">
          {r.proposed(r.missing[proposal.missing] ?? '')}
        </p>
      )}
      <form class="mt-3" onSubmit={save}>
        <fieldset disabled={readOnly}>
          <legend class="text-std-16B-170">{r.verdictLegend}</legend>
          <div class="mt-1 flex flex-wrap gap-4">
            {verdicts.map((v) => (
              <label key={v} class="inline-flex min-h-11 items-center gap-2 text-std-16N-170">
                <input type="radio" name={`${id}-verdict`} value={v} checked={verdict === v} onChange={() => setVerdict(v)} class="size-6" />
                {r.verdicts[v]}
              </label>
            ))}
          </div>
          {verdict === 'finding' && (
            <label class="mt-2 block text-std-16B-170">
              {r.finding}
              <textarea class={fieldClass} rows={2} value={finding} required maxLength={2000} onInput={(e) => setFinding(e.currentTarget.value)} />
            </label>
          )}
          <label class="mt-2 block text-std-16B-170">
            {r.evidenceSeen}
            <input class={fieldClass} value={evidenceSeen} maxLength={1000} onInput={(e) => setEvidenceSeen(e.currentTarget.value)} />
          </label>
          {inspector && (
          <label class="mt-2 block text-std-16B-170">
            {r.note}
            <textarea class={fieldClass} rows={2} value={note} maxLength={2000} onInput={(e) => setNote(e.currentTarget.value)} />
          </label>
          )}
          {!readOnly && (
            <div class="mt-3 flex flex-wrap items-center gap-3">
              <button type="submit" class={buttonClass} disabled={verdict === ''}>
                {r.saveLine}
              </button>
              {message !== null && (
                <span role="status" class="text-std-16N-170 text-solid-gray-800" data-testid="line-message">
                  {message}
                </span>
              )}
              {server !== undefined && <span class="text-std-16N-170 text-solid-gray-700">{r.version(server.version)}</span>}
            </div>
          )}
        </fieldset>
      </form>
    </li>
  );
}

// /systems/{id}/role-sharing: one contract's 役割分担確認表, the same page for the institution and for the
// vendor that runs the system. Per row: 項番, 項目, 内容 (a summary is marked 「要約」, never shown as the
// official text), 初回確認, 完了日, the note, who changed it last and the history; those who may write fill a
// row in place. A print link opens the PDF.
import { useState } from 'preact/hooks';
import { useResource } from '../../api/useResource';
import { formatJst } from '../../auth/format';
import { langOf, useI18n } from '../../i18n';
import { Link } from '../../router';
import { cardCellClass, cardHeadClass, cardRowClass, cardTableClass, CellLabel, h1Class, h2Class, InfoNotice, SuccessNotice } from '../account/ui';
import { linkClass } from '../catalog/ui';
import { useDay } from '../systems/ui';
import { systemsPaths } from '../systems/routes';
import { loadSheet, type RowCheck, type Sheet, type SheetRow } from './roleSharingApi';
import { RowEditor } from './RowEditor';
import { roleSharingPaths } from './routes';

const summaryBadgeClass = 'ml-2 inline-block whitespace-nowrap rounded-4 border border-solid-gray-600 bg-white px-1.5 py-0.5 align-middle text-dns-14B-120 text-solid-gray-800';

function SummaryMark() {
  const { t } = useI18n();
  return (
    <span class={summaryBadgeClass} title={t.roleSharing.summaryHelp} data-testid="summary-mark">
      {t.roleSharing.summary}
    </span>
  );
}

function useAnswerText(): (check: RowCheck) => string {
  const { t } = useI18n();
  const r = t.roleSharing;
  const day = useDay();
  return (check) => {
    if (check.first_answer === null) return r.notAnswered;
    return r.answerWithDate(check.first_answer === 'yes' ? r.yes : r.no, day(check.first_checked_on));
  };
}

function History({ row }: { row: SheetRow }) {
  const { t, language } = useI18n();
  const r = t.roleSharing;
  const day = useDay();
  const value = (check: RowCheck, field: string): string => {
    if (field === 'first_answer') return check.first_answer === null ? r.notAnswered : check.first_answer === 'yes' ? r.yes : r.no;
    if (field === 'first_checked_on') return check.first_checked_on === null ? r.emptyValue : day(check.first_checked_on);
    if (field === 'completed_on') return check.completed_on === null ? r.emptyValue : day(check.completed_on);
    return check.note === '' ? r.emptyValue : check.note;
  };
  const fields = ['first_answer', 'first_checked_on', 'completed_on', 'note'];
  if (row.history.length === 0) return null;
  return (
    <details class="mt-2" data-testid={`row-history-${row.id}`}>
      <summary class="cursor-pointer text-std-16N-170 text-blue-1000 underline underline-offset-2">{r.historySummary(row.history.length)}</summary>
      <ol class="mt-2 space-y-2">
        {row.history.map((change) => (
          <li key={change.version} class="text-dns-14N-130 text-solid-gray-800">
            <span class="tabular-nums">{formatJst(change.at, language)}</span>
            {language === 'ja' ? '　' : ' · '}
            <span lang={langOf(change.by)}>{r.historyChange(r.sides[change.side] ?? '', change.by, change.organisation_name)}</span>
            <ul class="ml-4 list-disc pl-4">
              {fields
                .filter((field) => value(change.before, field) !== value(change.after, field))
                .map((field) => (
                  <li key={field}>
                    {r.fieldNames[field] ?? ''}
                    {language === 'ja' ? '：' : ': '}
                    <span lang={langOf(value(change.before, field))}>{value(change.before, field)}</span> → <span lang={langOf(value(change.after, field))}>{value(change.after, field)}</span>
                  </li>
                ))}
            </ul>
          </li>
        ))}
      </ol>
    </details>
  );
}

function Row({ sheet, row, editing, onEdit, onSaved, onCancel }: { sheet: Sheet; row: SheetRow; editing: boolean; onEdit: () => void; onSaved: (sheet: Sheet) => void; onCancel: () => void }) {
  const { t, language } = useI18n();
  const r = t.roleSharing;
  const c = r.columns;
  const answer = useAnswerText();
  const day = useDay();
  return (
    <>
      <tr class={`${cardRowClass} md:border-b-0`} data-testid={`row-${row.id}`}>
        <td class={`${cardCellClass} whitespace-nowrap`}>
          <CellLabel>{c.number}</CellLabel>
          {row.number ?? r.numberUnknown}
        </td>
        <td class={cardCellClass}>
          <CellLabel>{c.item}</CellLabel>
          <div>
            {row.group_ja !== null && <div class="text-dns-14N-130 text-solid-gray-700" lang="ja">{row.group_ja}</div>}
            <span class="font-bold" lang="ja">{row.item_ja}</span>
            {!row.item_is_official && <SummaryMark />}
          </div>
        </td>
        <td class={cardCellClass}>
          <CellLabel>{c.content}</CellLabel>
          <div>
            {row.content_ja === null ? (
              <span class="text-solid-gray-700">{r.contentMissing}</span>
            ) : (
              <>
                <span lang="ja">{row.content_ja}</span>
                {!row.content_is_official && <SummaryMark />}
              </>
            )}
          </div>
        </td>
        <td class={cardCellClass} data-testid="first-check">
          <CellLabel>{c.first}</CellLabel>
          {answer(row)}
        </td>
        <td class={`${cardCellClass} whitespace-nowrap`} data-testid="completed-on">
          <CellLabel>{c.completed}</CellLabel>
          {row.completed_on === null ? r.emptyValue : day(row.completed_on)}
        </td>
      </tr>
      <tr class="block border-b border-solid-gray-200 md:table-row">
        <td colSpan={5} class="block px-2 pb-3 md:table-cell">
          {row.note !== '' && (
            <p class="text-std-16N-170" data-testid="row-note">
              <span class="font-bold">{c.note}</span>
              {language === 'ja' ? '：' : ': '}
              <span lang={langOf(row.note)}>{row.note}</span>
            </p>
          )}
          {row.updated_at !== null && (
            <p class="text-dns-14N-130 text-solid-gray-700">{r.lastChange(formatJst(row.updated_at, language), r.sides[row.updated_side ?? ''] ?? '', row.updated_by)}</p>
          )}
          <History row={row} />
          {sheet.can_edit && !editing && (
            <button type="button" class="mt-2 inline-flex min-h-11 items-center justify-center rounded-8 border border-blue-900 bg-white px-4 text-dns-16B-120 text-blue-900 hover:bg-blue-50 hover:underline" onClick={onEdit} data-testid={`edit-${row.id}`}>
              {r.edit}
              <span class="sr-only">
                {language === 'ja' ? '：' : ': '}
                <span lang="ja">{row.item_ja}</span>
              </span>
            </button>
          )}
          {editing && <RowEditor systemId={sheet.system.id} row={row} onSaved={onSaved} onCancel={onCancel} />}
        </td>
      </tr>
    </>
  );
}

function Part({ sheet, code, label, editing, setEditing, onSaved }: { sheet: Sheet; code: string; label: string; editing: string | null; setEditing: (id: string | null) => void; onSaved: (sheet: Sheet) => void }) {
  const { t } = useI18n();
  const c = t.roleSharing.columns;
  const rows = sheet.rows.filter((row) => row.part === code);
  if (rows.length === 0) return null;
  return (
    <section class="mt-10">
      <h2 class={h2Class}>{label}</h2>
      <table class={`${cardTableClass} mt-4 md:table-fixed`} data-testid={`part-${code}`}>
        <thead class={cardHeadClass}>
          <tr class="border-b-2 border-solid-gray-600">
            <th scope="col" class="w-24 px-2 py-2 whitespace-nowrap">{c.number}</th>
            <th scope="col" class="w-56 px-2 py-2">{c.item}</th>
            <th scope="col" class="px-2 py-2">{c.content}</th>
            <th scope="col" class="w-40 px-2 py-2 whitespace-nowrap">{c.first}</th>
            <th scope="col" class="w-40 px-2 py-2 whitespace-nowrap">{c.completed}</th>
          </tr>
        </thead>
        <tbody class="block md:table-row-group">
          {rows.map((row) => (
            <Row key={row.id} sheet={sheet} row={row} editing={editing === row.id} onEdit={() => setEditing(row.id)} onCancel={() => setEditing(null)} onSaved={onSaved} />
          ))}
        </tbody>
      </table>
    </section>
  );
}

export function RoleSharingTable({ systemId }: { systemId: number }) {
  const { t, language } = useI18n();
  const r = t.roleSharing;
  const [resource, reload] = useResource(`role-sharing/${systemId}`, (signal) => loadSheet(systemId, signal));
  const [saved, setSaved] = useState<Sheet | null>(null);
  const [editing, setEditing] = useState<string | null>(null);
  const [notice, setNotice] = useState(false);
  if (resource.state === 'loading') return <p role="status" class="text-std-16N-170 text-solid-gray-700">{t.identity.loading}</p>;
  if (resource.state === 'error') {
    const status = resource.error.status;
    return (
      <div data-testid="role-sharing-unavailable">
        <h1 class={h1Class}>{r.title}</h1>
        <InfoNotice>{status === 409 ? r.noVendor : status === 404 ? r.notFound : r.loadFailed}</InfoNotice>
        {status === 409 && (
          <p class="mt-4">
            <Link href={systemsPaths.detail(systemId)} class={linkClass}>
              {r.backToSystem}
            </Link>
          </p>
        )}
      </div>
    );
  }
  const sheet = saved ?? resource.data;
  const onSaved = (next: Sheet) => {
    setSaved(next);
    setEditing(null);
    setNotice(true);
  };
  const f = r.facts;
  return (
    <div data-testid="role-sharing">
      <p class="print:hidden">
        {sheet.side === 'institution' ? (
          <Link href={systemsPaths.detail(systemId)} class={linkClass}>
            {r.backToSystem}
          </Link>
        ) : (
          <Link href={roleSharingPaths.vendorSystems} class={linkClass}>
            {r.backToVendorList}
          </Link>
        )}
      </p>
      <h1 class={`${h1Class} mt-4`}>{r.title}</h1>
      <p class="mt-4 max-w-3xl text-std-16N-175">{r.lead}</p>
      <dl class="mt-6 grid max-w-3xl grid-cols-1 gap-x-6 gap-y-2 md:grid-cols-[10rem_1fr]" data-testid="role-sharing-facts">
        {(
          [
            [f.institution, sheet.institution.name],
            [f.vendor, sheet.vendor.name],
            [f.system, sheet.system.name],
            [f.progress, r.progress(sheet.progress.answered, sheet.progress.total, sheet.progress.settled)],
          ] as const
        ).map(([label, value]) => (
          <div key={label} class="contents">
            <dt class="text-std-16B-170 text-solid-gray-800">{label}</dt>
            <dd class="mb-2 text-std-16N-170 md:mb-0" lang={langOf(value)}>
              {value}
            </dd>
          </div>
        ))}
      </dl>
      <p class="mt-6 print:hidden">
        <a href={roleSharingPaths.document(systemId)} class={linkClass} target="_blank" rel="noopener" data-testid="print-link">
          {r.print}
        </a>
      </p>
      <InfoNotice testId="coverage">{r.coverage}</InfoNotice>
      {notice && <SuccessNotice testId="row-saved">{r.saved}</SuccessNotice>}
      {sheet.system.status === 'retired' && <InfoNotice testId="retired">{r.retired}</InfoNotice>}
      {!sheet.can_edit && sheet.system.status === 'in_use' && <InfoNotice testId="read-only">{r.readOnly}</InfoNotice>}
      {sheet.parts.map((part) => (
        <Part key={part.code} sheet={sheet} code={part.code} label={language === 'ja' ? part.label_ja : part.label_en} editing={editing} setEditing={(id) => { setNotice(false); setEditing(id); }} onSaved={onSaved} />
      ))}
      <p class="mt-8 print:hidden">
        <button type="button" class={linkClass} onClick={() => { setSaved(null); reload(); }}>
          {r.reload}
        </button>
      </p>
    </div>
  );
}

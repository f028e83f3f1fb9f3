// /vendor/products/{id}/answers?fiscal_year=YYYY: the product's answers to the 事業者確認用 form of that fiscal
// year, section by section, saved as one set (a new version). Saving shows nothing to institutions until the
// answers are applied to their requests. A set saved meanwhile by someone else (409) asks for a reload.
import { useEffect, useRef, useState } from 'preact/hooks';
import { useResource } from '../../api/useResource';
import { ProblemError } from '../../auth/request';
import { useI18n } from '../../i18n';
import { Link, useSearch } from '../../router';
import { buttonClass, h1Class, InfoNotice, leadClass, primaryButtonClass, SuccessNotice, WarningNotice } from '../account/ui';
import { linkClass } from '../catalog/ui';
import { currentFiscalYear, loadProductAnswers, saveProductAnswers, type AnswerLine, type ProductAnswers } from './api';
import { allRows, emptyLine, indexLines, isFilled, lineKey, sameLine, sectionsOf } from './form';
import { LineEditor } from './LineEditor';
import { vendorPaths } from './routes';
import { Loading, useRowName } from './ui';

function Editor({ data, onReload }: { data: ProductAnswers; onReload: () => void }) {
  const { t, language } = useI18n();
  const v = t.vendorRequests;
  const e = v.editor;
  const rowName = useRowName();
  const sections = sectionsOf(data.form_json);
  const rows = allRows(sections);
  const [saved, setSaved] = useState(() => indexLines(data.answers));
  const [lines, setLines] = useState(() => indexLines(data.answers));
  const [version, setVersion] = useState(data.version);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<{ kind: 'saved' | 'stale' | 'failed'; text: string } | null>(null);
  const [rowErrors, setRowErrors] = useState<Map<string, string>>(new Map());
  const noticeRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (notice !== null) noticeRef.current?.focus();
  }, [notice]);
  const lineOf = (canonicalId: string, rowKey: string) => lines.get(lineKey(canonicalId, rowKey)) ?? emptyLine(canonicalId, rowKey);
  const answered = rows.filter(({ item, row }) => lineOf(item.canonical_id, row.key).value !== null).length;
  const dirty = rows.some(({ item, row }) => !sameLine(lines.get(lineKey(item.canonical_id, row.key)) ?? emptyLine(item.canonical_id, row.key), saved.get(lineKey(item.canonical_id, row.key)) ?? emptyLine(item.canonical_id, row.key)));
  const save = () => {
    const answers: AnswerLine[] = rows.map(({ item, row }) => lineOf(item.canonical_id, row.key)).filter(isFilled);
    setBusy(true);
    saveProductAnswers(data.product.id, data.fiscal_year, version, answers).then(
      (result) => {
        setBusy(false);
        setVersion(result.version);
        setSaved(indexLines(result.answers));
        setLines(indexLines(result.answers));
        setRowErrors(new Map());
        setNotice({ kind: 'saved', text: e.saved(result.version) });
      },
      (error: unknown) => {
        setBusy(false);
        if (error instanceof ProblemError && error.status === 409) return setNotice({ kind: 'stale', text: e.stale });
        const errors = new Map<string, string>();
        if (error instanceof ProblemError) {
          for (const field of error.fields) {
            const where = /^answers\[(\d+)\](?:\.(\w+))?/.exec(field.field);
            const line = where === null ? undefined : answers[Number(where[1])];
            if (line === undefined) continue;
            const row = rows.find(({ item, row: r }) => item.canonical_id === line.canonical_id && r.key === line.row_key);
            const key = lineKey(line.canonical_id, line.row_key);
            const problem = e.fieldProblems[where?.[2] ?? 'value'] ?? e.fieldProblems['value'] ?? '';
            const name = row === undefined ? '' : rowName(row.item, row.row);
            errors.set(key, [errors.get(key), e.rowProblem(name, problem)].filter((part) => part !== undefined).join(' '));
          }
        }
        setRowErrors(errors);
        setNotice({ kind: 'failed', text: errors.size > 0 ? e.problemsHeading : v.saveFailed });
      },
    );
  };
  return (
    <>
      <p class="mt-4 text-std-16B-170" data-testid="editor-state">
        {version === 0 ? e.noVersion : e.version(version)}　{e.progress(answered, rows.length)}
      </p>
      <div ref={noticeRef} tabIndex={-1}>
        {notice?.kind === 'saved' && <SuccessNotice testId="answers-saved">{notice.text}</SuccessNotice>}
        {notice?.kind === 'stale' && (
          <WarningNotice testId="answers-stale">
            <p role="alert">{notice.text}</p>
            <button type="button" class={`${buttonClass} mt-3`} onClick={onReload} data-testid="reload">
              {v.reload}
            </button>
          </WarningNotice>
        )}
        {notice?.kind === 'failed' && (
          <div role="alert" class="mt-6 rounded-8 border-2 border-error-1 bg-red-50 p-4 text-std-16N-170" data-testid="answers-failed">
            <p class="text-std-18B-160 text-error-1">{notice.text}</p>
            {rowErrors.size > 0 && (
              <ul class="mt-2 list-disc pl-6">
                {[...rowErrors.entries()].map(([key, text]) => (
                  <li key={key}>{text}</li>
                ))}
              </ul>
            )}
          </div>
        )}
      </div>
      {sections.map((section) => (
        <section key={section.id} class="mt-10">
          <h2 class="text-std-20B-150 text-solid-gray-900">{language === 'en' && section.title_en !== '' ? section.title_en : section.title_ja}</h2>
          <ol class="mt-4 space-y-6">
            {section.items.map((item) => (
              <li key={item.canonical_id} class="rounded-8 border border-solid-gray-420 bg-white p-4" data-testid={`item-${item.canonical_id}`}>
                <p class="text-std-16B-170">
                  <span class="mr-2">{item.number}</span>
                  <span lang="ja">{item.text_ja}</span>
                </p>
                <div class="mt-3 space-y-6">
                  {item.rows.map((row) => (
                    <LineEditor
                      key={row.key}
                      id={`line-${item.canonical_id}-${row.key}`.replace(/[^A-Za-z0-9_-]/g, '-')}
                      item={item}
                      row={row}
                      line={lineOf(item.canonical_id, row.key)}
                      error={rowErrors.get(lineKey(item.canonical_id, row.key))}
                      onChange={(line) => setLines((current) => new Map(current).set(lineKey(item.canonical_id, row.key), line))}
                    />
                  ))}
                </div>
              </li>
            ))}
          </ol>
        </section>
      ))}
      <div class="mt-8 flex flex-wrap items-center gap-4 border-t border-solid-gray-420 py-4">
        <button type="button" class={primaryButtonClass} onClick={save} disabled={busy} data-testid="save-answers">
          {busy ? e.saving : e.save}
        </button>
        {dirty && <span class="text-std-16N-170 text-solid-gray-800">{e.unsaved}</span>}
        <Link href={vendorPaths.list} class={linkClass}>
          {e.toRequests}
        </Link>
      </div>
    </>
  );
}

export function AnswerEditor({ id }: { id: number }) {
  const { t } = useI18n();
  const v = t.vendorRequests;
  const search = useSearch();
  const fiscalYear = Number(new URLSearchParams(search).get('fiscal_year') ?? '') || currentFiscalYear();
  const [resource, reload] = useResource(`product-answers/${id}/${fiscalYear}`, (signal) => loadProductAnswers(id, fiscalYear, signal));
  const [round, setRound] = useState(0);
  return (
    <div data-testid="answer-editor">
      <p>
        <Link href={vendorPaths.products} class={linkClass}>
          {v.editor.back}
        </Link>
      </p>
      {resource.state === 'loading' && <Loading />}
      {resource.state === 'error' && <InfoNotice testId="answers-unavailable">{resource.error.status === 404 ? v.notFound : v.loadFailed}</InfoNotice>}
      {resource.state === 'ready' && (
        <>
          <h1 class={`${h1Class} mt-4`}>{v.editor.title(resource.data.product.name, v.fiscalYear(resource.data.fiscal_year))}</h1>
          <p class={leadClass}>{v.editor.lead}</p>
          <Editor
            key={`${resource.data.version}#${round}`}
            data={resource.data}
            onReload={() => {
              setRound((n) => n + 1);
              reload();
            }}
          />
        </>
      )}
    </div>
  );
}

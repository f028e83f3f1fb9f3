// A draft from a JSON file (an edition bundle exported earlier, or prepared elsewhere): it becomes a draft,
// not a published edition.
import { useState } from 'preact/hooks';
import { editionDraftApi } from '../../api/editionDrafts';
import { ApiError } from '../../api/http';
import { useI18n } from '../../i18n';
import { navigate } from '../../router';
import { buttonClass } from '../catalog/ui';
import { editorPaths } from './routes';
import { helpClass, labelClass, TechnicalDetails, WriteProblem } from './ui';

const maxBytes = 4 * 1024 * 1024;

export function ImportDraftForm() {
  const { t } = useI18n();
  const e = t.editionEditor;
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<ApiError | null>(null);
  const tooBig = file !== null && file.size > maxBytes;

  const onSubmit = async (event: Event) => {
    event.preventDefault();
    if (file === null || tooBig) return;
    setBusy(true);
    setProblem(null);
    try {
      const created = await editionDraftApi.importBundle(file);
      navigate(editorPaths.draft(created.id));
    } catch (error) {
      setBusy(false);
      setProblem(error instanceof ApiError ? error : new ApiError('invalid', 0, null, null));
    }
  };

  return (
    <form class="mt-4 grid gap-4 rounded-8 bg-solid-gray-50 p-4 md:p-6" onSubmit={onSubmit} data-testid="import-draft-form">
      <div>
        <label for="import-draft-file" class={labelClass}>{e.importFile}</label>
        <p id="import-draft-help" class={helpClass}>{e.importHelp}</p>
        <input
          id="import-draft-file"
          type="file"
          accept="application/json,.json"
          class="mt-2 block w-full min-h-11 text-std-16N-170 file:mr-3 file:min-h-11 file:rounded-8 file:border file:border-blue-900 file:bg-white file:px-3 file:text-dns-16B-120 file:text-blue-900 hover:file:bg-blue-50"
          aria-describedby="import-draft-help"
          onChange={(ev) => setFile(ev.currentTarget.files?.[0] ?? null)}
        />
      </div>
      {tooBig && <p role="alert" class="text-std-16N-170 text-error-1">{e.importTooBig}</p>}
      {problem !== null && (problem.status === 400 || problem.status === 413) ? (
        <div role="alert" class="rounded-8 border-2 border-red-900 bg-red-50 p-3 text-std-16N-170" data-testid="import-refused">
          <p>{e.importRefused}</p>
          {problem.detail !== null && <TechnicalDetails text={problem.detail} />}
        </div>
      ) : (
        problem !== null && <WriteProblem error={problem} />
      )}
      <div>
        <button type="submit" class={buttonClass} disabled={busy || file === null || tooBig}>
          {busy ? e.importing : e.importSubmit}
        </button>
      </div>
    </form>
  );
}

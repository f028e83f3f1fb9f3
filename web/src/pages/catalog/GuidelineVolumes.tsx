// "あなたの施設に当てはまる編": the institution's answer to Guideline 第7.0版 保守委託機関編 図1 (is every server's
// security update the vendor's responsibility by contract?) and the volumes that follow from it. Shown on
// the guideline page and on 管理 › 組織の情報 for a signed-in institution; nothing for anyone else.
import { useState } from 'preact/hooks';
import { guidelineVolumesApi, type InstitutionGuideline, type VendorUpdateResponsibility } from '../../api/guidelineVolumes';
import { useResource } from '../../api/useResource';
import { describeProblem } from '../../auth/problems';
import { useSession } from '../../auth/session';
import { langOf, useI18n } from '../../i18n';
import { Link } from '../../router';
import { h2Class, ProblemBox, SubmitButton, SuccessNotice } from '../account/ui';
import { catalogPaths } from './routes';
import { linkClass } from './ui';

const institutionKinds = ['hospital', 'clinic', 'dental_clinic', 'pharmacy'];
const answers: VendorUpdateResponsibility[] = ['yes', 'no', 'unknown'];

/** The signed-in user's organisation when it is an institution, else null. */
export function useInstitutionId(): number | null {
  const session = useSession();
  if (session.status !== 'active' || session.mfa !== 'none') return null;
  const kind = (session.user as { organisation_kind?: unknown }).organisation_kind;
  return typeof kind === 'string' && institutionKinds.includes(kind) ? session.user.organisation_id : null;
}

function AnswerForm({ organisation, data, onSaved }: { organisation: number; data: InstitutionGuideline; onSaved: (next: InstitutionGuideline) => void }) {
  const { t, language } = useI18n();
  const g = t.guidelineVolumes;
  const [value, setValue] = useState<VendorUpdateResponsibility | null>(data.vendor_update_responsibility);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);
  const [problem, setProblem] = useState<unknown>(null);
  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setSaved(false);
    setProblem(null);
    try {
      onSaved(await guidelineVolumesApi.set(organisation, value));
      setSaved(true);
    } catch (error) {
      setProblem(error);
    }
    setBusy(false);
  };
  return (
    <form noValidate onSubmit={(event) => void submit(event)} class="mt-4" data-testid="guideline-volumes-form">
      <fieldset aria-describedby="vendor-update-help">
        <legend class="text-std-16B-170 text-solid-gray-900">{g.question}</legend>
        <p id="vendor-update-help" class="mt-1 text-std-16N-170 text-solid-gray-700">
          {g.serverHelp}
        </p>
        {answers.map((answer) => (
          <div key={answer} class="flex gap-3 py-1">
            <input
              id={`vendor-update-${answer}`}
              type="radio"
              name="vendor_update_responsibility"
              value={answer}
              class="mt-1 size-6 shrink-0 accent-blue-900"
              checked={value === answer}
              onChange={() => setValue(answer)}
            />
            <label for={`vendor-update-${answer}`} class="text-std-16N-170 text-solid-gray-900">
              {g.answers[answer]}
            </label>
          </div>
        ))}
      </fieldset>
      <SubmitButton busy={busy} label={g.save} busyLabel={g.saving} />
      {saved && <SuccessNotice testId="guideline-volumes-saved">{g.saved}</SuccessNotice>}
      {problem !== null && <ProblemBox problem={describeProblem(t, language, problem)} />}
    </form>
  );
}

function VolumesBody({ organisation, initial, structureLink }: { organisation: number; initial: InstitutionGuideline; structureLink: boolean }) {
  const { t } = useI18n();
  const g = t.guidelineVolumes;
  const [data, setData] = useState(initial);
  const answer = data.vendor_update_responsibility;
  return (
    <section aria-labelledby="guideline-volumes-heading" class="mt-8 max-w-3xl rounded-8 border-2 border-blue-900 bg-blue-50 p-4 md:p-6" data-testid="guideline-volumes">
      <h2 id="guideline-volumes-heading" class={h2Class}>
        {g.heading}
      </h2>
      <p class="mt-2 text-std-16N-170">
        <span lang={langOf(data.guideline.title_ja)}>{g.guideline(data.guideline.title_ja)}</span>
      </p>
      <ol class="mt-3 flex flex-wrap gap-2" data-testid="guideline-volumes-list">
        {data.volumes.map((volume) => (
          <li key={volume.id} class="rounded-8 border border-solid-gray-420 bg-white px-3 py-2 text-std-16B-170" data-volume={volume.id} lang="ja">
            {volume.title_ja}
          </li>
        ))}
      </ol>
      <p class="mt-3 text-std-16N-170" data-testid="guideline-volumes-lead">
        {data.deemed_compliance ? g.yesLead : g.otherLead}
      </p>
      {answer === null && <p class="mt-2 text-std-16N-170 text-solid-gray-800">{g.notAnswered}</p>}
      {data.permissions.edit ? (
        <AnswerForm organisation={organisation} data={data} onSaved={setData} />
      ) : (
        <>
          {answer !== null && (
            <p class="mt-2 text-std-16N-170" data-testid="guideline-volumes-answer">
              {g.question} <strong>{g.answers[answer]}</strong>
            </p>
          )}
          <p class="mt-3 text-std-16N-170 text-solid-gray-800">{g.readOnly}</p>
        </>
      )}
      <div class="mt-5 rounded-8 border border-solid-gray-420 bg-white p-4" data-testid="guideline-volumes-condition">
        <p class="flex flex-wrap items-center gap-2 text-std-16B-170">
          <span>{g.conditionHeading}</span>
          <span class="inline-flex items-center rounded-4 border border-solid-gray-536 px-1.5 py-0.5 text-dns-14B-120" data-confidence={data.condition.confidence}>
            {g.secondary}
          </span>
        </p>
        <blockquote class="mt-2 border-l-4 border-solid-gray-420 pl-3 text-std-16N-170" lang="ja">
          {data.condition.text_ja}
        </blockquote>
        <p class="mt-2 text-dns-14N-130 text-solid-gray-700">{g.secondaryNote}</p>
        <p class="mt-1 text-dns-14N-130 text-solid-gray-700">
          {g.source}:{' '}
          <a href={data.condition.source} class={`break-all ${linkClass}`} rel="noopener noreferrer" target="_blank">
            {data.condition.source}
          </a>
        </p>
        <p class="mt-1 text-dns-14N-130 text-solid-gray-700">{g.unclearNote}</p>
      </div>
      {structureLink && (
        <p class="mt-3">
          <Link href={catalogPaths.guidelines} class={`text-std-16N-170 ${linkClass}`}>
            {g.structureLink}
          </Link>
        </p>
      )}
    </section>
  );
}

/** The institution's guideline volumes and (for those who may answer) the question; `structureLink` links to the guideline page. */
export function InstitutionGuidelineVolumes({ organisation, structureLink = false }: { organisation: number; structureLink?: boolean }) {
  const { t, language } = useI18n();
  const [resource] = useResource(`guideline-volumes/${organisation}`, (signal) => guidelineVolumesApi.get(organisation, signal));
  if (resource.state === 'loading') return null;
  if (resource.state === 'error') return <ProblemBox problem={describeProblem(t, language, resource.error)} />;
  return <VolumesBody organisation={organisation} initial={resource.data} structureLink={structureLink} />;
}

// The notice that a newer edition of the checklist's fiscal year has been published (ADR 0017): what moving
// does, and the two choices, 新しい版に移す and 今の版のまま続ける. Shown on the institution's dashboard and at the
// top of the checklist page; after a choice it says what happened.
import { useState } from 'preact/hooks';
import { assessmentApi, type Assessment, type EditionOffer } from '../../api/assessments';
import { useI18n } from '../../i18n';
import { bigPrimaryButtonClass, buttonClass, h2Class, ProblemBox, SuccessNotice } from '../account/ui';
import { problemText } from './ui';

type Done = { choice: 'moved' | 'declined'; offer: EditionOffer };

export function EditionMoveNotice({ assessment, onChanged }: { assessment: Assessment; onChanged: (next: Assessment) => void }) {
  const { t, language } = useI18n();
  const m = t.editionMove;
  const [busy, setBusy] = useState<'move' | 'stay' | null>(null);
  const [problem, setProblem] = useState<unknown>(null);
  const [done, setDone] = useState<Done | null>(null);
  const offer = assessment.newer_edition ?? null;
  if (offer === null) {
    if (done === null) return null;
    return (
      <div class="mt-6 max-w-3xl" data-testid="edition-move-done" data-choice={done.choice}>
        <SuccessNotice>{done.choice === 'moved' ? m.moved(done.offer) : m.declined(done.offer)}</SuccessNotice>
      </div>
    );
  }
  const choose = async (choice: 'move' | 'stay') => {
    setBusy(choice);
    setProblem(null);
    try {
      const next =
        choice === 'move' ? await assessmentApi.moveToEdition(assessment.id, offer, assessment.version) : await assessmentApi.declineEdition(assessment.id, offer);
      setDone({ choice: choice === 'move' ? 'moved' : 'declined', offer });
      onChanged(next);
    } catch (error) {
      setProblem(error);
    }
    setBusy(null);
  };
  return (
    <section
      aria-labelledby="edition-move-heading"
      class="mt-6 max-w-3xl rounded-8 border-2 border-blue-900 bg-blue-50 p-4 md:p-6"
      data-testid="edition-move"
      data-edition={offer.edition}
    >
      <h2 id="edition-move-heading" class={h2Class}>
        {m.heading(offer)}
      </h2>
      <p class="mt-3 text-std-16N-170">{m.what}</p>
      <p class="mt-2 text-std-16N-170">{m.kept}</p>
      {offer.may_decline && <p class="mt-2 text-std-16N-170">{m.stayNote}</p>}
      {!offer.may_move && offer.may_decline && assessment.status === 'submitted' && (
        <p class="mt-3 text-std-16B-170" data-testid="edition-move-submitted">
          {m.submitted}
        </p>
      )}
      {!offer.may_decline && <p class="mt-3 text-std-16N-170 text-solid-gray-800">{m.viewer}</p>}
      {offer.may_decline && (
        <div class="mt-4 flex flex-wrap gap-3">
          {offer.may_move && (
            <button type="button" class={bigPrimaryButtonClass} disabled={busy !== null} onClick={() => void choose('move')} data-testid="edition-move-move">
              {busy === 'move' ? m.moving : m.move}
            </button>
          )}
          <button type="button" class={`${buttonClass} min-h-14 px-5`} disabled={busy !== null} onClick={() => void choose('stay')} data-testid="edition-move-stay">
            {busy === 'stay' ? m.staying : m.stay}
          </button>
        </div>
      )}
      {problem !== null && <ProblemBox problem={problemText(t, language, problem)} />}
    </section>
  );
}

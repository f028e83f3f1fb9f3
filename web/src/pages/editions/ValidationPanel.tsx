// Every validation error as a Japanese sentence that names the form, the item and the field; choosing one
// takes the editor there and focuses the field. The validator's own text stays under 技術的な詳細.
import type { DraftDocument, DraftValidation, ValidationError } from '../../api/editionDrafts';
import { useI18n } from '../../i18n';
import type { Language } from '../../i18n';
import type { Messages } from '../../i18n/ja';
import { pick } from '../catalog/format';
import { errorPlace, formAt, itemAt, type ErrorPlace } from './model';
import { TechnicalDetails } from './ui';

export function errorSentence(t: Messages, language: Language, document: DraftDocument, place: ErrorPlace): string {
  const e = t.editionEditor;
  switch (place.kind) {
    case 'item': {
      const form = formAt(document, place.formIndex);
      const item = itemAt(document, place.formIndex, place.itemIndex);
      const formName = form === null ? e.unknownForm : pick(language, form.title_ja, form.title_en);
      const itemName = item === null || item.number === '' ? e.itemOrdinal(place.itemIndex + 1) : item.number;
      return e.errorItem(formName, itemName, e.fields[place.field]);
    }
    case 'form':
      const form = formAt(document, place.formIndex);
      return e.errorForm(form === null ? e.unknownForm : pick(language, form.title_ja, form.title_en));
    case 'edition':
      return e.errorEdition(e.editionFields[place.field]);
    case 'mapping':
      return e.errorMapping;
    case 'other':
      return e.errorOther;
  }
}

export function ValidationPanel({ validation, document, onPick }: {
  validation: DraftValidation;
  document: DraftDocument;
  onPick: (place: ErrorPlace) => void;
}) {
  const { t, language } = useI18n();
  const e = t.editionEditor;
  if (validation.valid && validation.errors.length === 0)
    return (
      <p role="status" class="mt-6 rounded-8 border-2 border-success-2 bg-green-50 p-4 text-std-16N-170" data-testid="validation-ok">
        <span aria-hidden="true" class="mr-2">✓</span>
        {e.validationOk}
      </p>
    );
  return (
    <section aria-labelledby="draft-validation" class="mt-6 rounded-8 border-2 border-red-900 bg-red-50 p-4" data-testid="validation-panel">
      <h2 id="draft-validation" class="text-std-18B-160 text-red-1000">{e.validationHeading(validation.errors.length)}</h2>
      <p class="mt-1 text-std-16N-170">{e.validationLead}</p>
      <ul class="mt-3 grid gap-3">
        {validation.errors.map((error: ValidationError, index) => {
          const place = errorPlace(error.path);
          return (
            <li key={`${index}-${error.path}`} data-testid="validation-error" data-path={error.path}>
              <button type="button" class="text-left text-std-16N-170 text-blue-1000 underline underline-offset-2 hover:decoration-2" onClick={() => onPick(place)}>
                {errorSentence(t, language, document, place)}
              </button>
              <TechnicalDetails text={`${error.path}: ${error.message}`} />
            </li>
          );
        })}
      </ul>
    </section>
  );
}

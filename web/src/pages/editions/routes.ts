// Client routes of the edition editor (editors only):
//   /catalog/drafts               the drafts, and starting or importing one
//   /catalog/drafts/{id}          one draft: its forms, items and edition fields
//   /catalog/drafts/{id}/compare  the draft beside the edition it is based on

export type EditionEditorRoute =
  | { kind: 'editionDrafts' }
  | { kind: 'editionDraft'; id: number }
  | { kind: 'editionDraftCompare'; id: number };

export function matchEditionEditorRoute(path: string): EditionEditorRoute | null {
  if (path === '/catalog/drafts') return { kind: 'editionDrafts' };
  const match = /^\/catalog\/drafts\/([1-9]\d{0,9})(\/compare)?$/.exec(path);
  if (match === null) return null;
  const id = Number(match[1]);
  return match[2] === undefined ? { kind: 'editionDraft', id } : { kind: 'editionDraftCompare', id };
}

export const editorPaths = {
  drafts: '/catalog/drafts',
  draft: (id: number) => `/catalog/drafts/${id}`,
  compare: (id: number, form: string, fromForm: string | null) =>
    `/catalog/drafts/${id}/compare?${new URLSearchParams({ form, ...(fromForm === null ? {} : { from_form: fromForm }) }).toString()}`,
};

// Guideline 第7.0版 per institution: GET/PUT /api/v1/organisations/{id}/guideline-volumes. The institution's
// answer to 保守委託機関編 図1 (is every server's security update the vendor's job by contract?) and the
// volumes that apply to it.
import { send } from '../auth/request';
import { isRecord } from './http';

export type VendorUpdateResponsibility = 'yes' | 'no' | 'unknown';

export interface InstitutionGuideline {
  vendor_update_responsibility: VendorUpdateResponsibility | null;
  guideline: { id: string; title_ja: string };
  volumes: { id: string; title_ja: string }[];
  deemed_compliance: boolean;
  condition: { text_ja: string; source: string; confidence: 'V' | 'S' | 'I' };
  permissions: { edit: boolean };
}

function isInstitutionGuideline(value: unknown): value is InstitutionGuideline {
  return isRecord(value) && Array.isArray(value['volumes']) && isRecord(value['condition']) && isRecord(value['permissions']);
}

const path = (organisation: number) => `/api/v1/organisations/${organisation}/guideline-volumes`;

export const guidelineVolumesApi = {
  get: (organisation: number, signal?: AbortSignal): Promise<InstitutionGuideline> =>
    send('GET', path(organisation), isInstitutionGuideline, signal ? { signal } : {}),
  set: (organisation: number, answer: VendorUpdateResponsibility | null): Promise<InstitutionGuideline> =>
    send('PUT', path(organisation), isInstitutionGuideline, { body: { vendor_update_responsibility: answer } }),
};

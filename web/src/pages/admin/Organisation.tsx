// /admin/organisation: the administrator's own organisation: name, address and codes (医療機関コード,
// prefecture, municipality), validated by the server and recorded in the audit log.
import { useState } from 'preact/hooks';
import { useResource } from '../../api/useResource';
import { describeProblem } from '../../auth/problems';
import { send } from '../../auth/request';
import { updateUser, type ActiveSession } from '../../auth/session';
import { isOrganisationKind, isOrganisationProfile, isPrefectureList, isUser, type OrganisationProfile } from '../../auth/types';
import { useI18n } from '../../i18n';
import { FormProblems, LoadingLine, ProblemBox, SelectField, SubmitButton, SuccessNotice, TextField, useFormState } from '../account/ui';
import { InstitutionGuidelineVolumes } from '../catalog/GuidelineVolumes';
import { AdminLayout } from './AdminLayout';

const institutionKinds = ['clinic', 'hospital', 'dental_clinic', 'pharmacy'];

function ProfileForm({ profile }: { profile: OrganisationProfile }) {
  const { t, language } = useI18n();
  const o = t.organisationSetup;
  const p = t.organisationProfile;
  const [name, setName] = useState(profile.name);
  const [address, setAddress] = useState(profile.address);
  const [facilityId, setFacilityId] = useState(profile.facility_id);
  const [prefecture, setPrefecture] = useState(profile.prefecture_code);
  const [municipality, setMunicipality] = useState(profile.municipality_code);
  const [saved, setSaved] = useState(false);
  const { errors, setErrors, problem, setProblem, busy, setBusy, refused } = useFormState();
  const [prefectures] = useResource('/api/v1/prefectures', (signal) => send('GET', '/api/v1/prefectures', isPrefectureList, { signal }));
  const institution = institutionKinds.includes(profile.kind);
  const hasPrefecture = institution || profile.kind === 'health_centre';
  const labels: Record<string, string> = {
    name: p.name,
    address: p.address,
    facility_id: o.facilityId,
    prefecture_code: o.prefecture,
    municipality_code: o.municipality,
  };

  const submit = (event: Event) => {
    event.preventDefault();
    setSaved(false);
    const found: Record<string, string> = {};
    if (name.trim() === '') found['name'] = t.identity.fieldErrors.required(p.name);
    if (institution && !/^\d{13}$/.test(facilityId.trim())) found['facility_id'] = o.errors.facilityId;
    if (institution && !/^\d{6}$/.test(municipality.trim())) found['municipality_code'] = o.errors.municipality;
    setErrors(found);
    setProblem(null);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    const body: Record<string, string> = { name: name.trim(), address: address.trim() };
    if (institution) {
      body['facility_id'] = facilityId.trim();
      body['municipality_code'] = municipality.trim();
    }
    if (hasPrefecture) body['prefecture_code'] = prefecture;
    send('PATCH', `/api/v1/organisations/${profile.id}/profile`, isOrganisationProfile, { body }).then(
      () => {
        setBusy(false);
        setSaved(true);
        // The header shows the organisation's name: take the new one.
        send('GET', '/api/v1/me', isUser).then(updateUser, () => {
          // The header keeps the old name until the next page load.
        });
      },
      (error: unknown) => refused(describeProblem(t, language, error)),
    );
  };

  const options =
    prefectures.state === 'ready'
      ? prefectures.data.prefectures.map((x) => ({ value: x.code, label: language === 'ja' ? x.name_ja : x.name_en }))
      : [];
  return (
    <form noValidate onSubmit={submit} class="max-w-xl" data-testid="organisation-form">
      {saved && <SuccessNotice testId="organisation-saved">{p.saved}</SuccessNotice>}
      <FormProblems errors={errors} problem={problem} labels={labels} />
      <p class="mt-6 text-std-16N-170 text-solid-gray-800">
        {t.identity.setup.kind}: {isOrganisationKind(profile.kind) ? t.identity.kinds[profile.kind] : ''}
      </p>
      <TextField id="name" label={p.name} autocomplete="organization" value={name} onInput={setName} error={errors['name']} required />
      <TextField id="address" label={p.address} autocomplete="street-address" value={address} onInput={setAddress} error={errors['address']} />
      {institution && (
        <TextField
          id="facility_id"
          label={o.facilityId}
          autocomplete="off"
          inputMode="numeric"
          maxLength={13}
          value={facilityId}
          onInput={setFacilityId}
          error={errors['facility_id']}
          required
        />
      )}
      {hasPrefecture && (
        <SelectField
          id="prefecture_code"
          label={o.prefecture}
          value={prefecture}
          onChange={setPrefecture}
          placeholder={o.choosePlaceholder}
          options={options}
          error={errors['prefecture_code']}
          required
        />
      )}
      {institution && (
        <TextField
          id="municipality_code"
          label={o.municipality}
          help={o.municipalityHelp}
          autocomplete="off"
          inputMode="numeric"
          maxLength={6}
          value={municipality}
          onInput={setMunicipality}
          error={errors['municipality_code']}
          required
        />
      )}
      <SubmitButton busy={busy} label={p.save} busyLabel={p.saving} />
    </form>
  );
}

function OrganisationPage({ session }: { session: ActiveSession }) {
  const { t, language } = useI18n();
  const path = `/api/v1/organisations/${session.user.organisation_id}/profile`;
  const [profile] = useResource(path, (signal) => send('GET', path, isOrganisationProfile, { signal }));
  return (
    <>
      <p class="mt-4 max-w-3xl text-std-16N-175">{t.organisationProfile.lead}</p>
      {profile.state === 'loading' && <LoadingLine />}
      {profile.state === 'error' && <ProblemBox problem={describeProblem(t, language, profile.error)} />}
      {profile.state === 'ready' && <ProfileForm profile={profile.data} />}
      {profile.state === 'ready' && institutionKinds.includes(profile.data.kind) && (
        <InstitutionGuidelineVolumes organisation={profile.data.id} structureLink />
      )}
    </>
  );
}

export function Organisation() {
  return <AdminLayout page="adminOrganisation">{(session) => <OrganisationPage session={session} />}</AdminLayout>;
}

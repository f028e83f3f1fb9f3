// Account recovery on /admin/users: resetting a user's password and two-factor enrolment (the one-time code
// is shown once, like an invitation's), and the list of pending invitations and resets with a new code or
// revocation for each.
import { useState } from 'preact/hooks';
import { useResource } from '../../api/useResource';
import { formatJst } from '../../auth/format';
import { describeProblem, type ShownProblem } from '../../auth/problems';
import { send } from '../../auth/request';
import { identityPaths } from '../../auth/routes';
import { isInvitation, isPendingInvitationList, type Invitation, type Organisation, type PendingInvitation, type User } from '../../auth/types';
import { useI18n } from '../../i18n';
import { roleLabel } from '../account/Account';
import {
  buttonClass,
  ConfirmBox,
  dangerButtonClass,
  h2Class,
  LoadingLine,
  ProblemBox,
  ResultBox,
  SecretBox,
  SuccessNotice,
  WarningNotice,
} from '../account/ui';

function CodeResult({ heading, label, invitation, testId }: { heading: string; label: string; invitation: Invitation; testId: string }) {
  const { t, language } = useI18n();
  const r = t.recovery;
  return (
    <ResultBox heading={heading} testId={testId}>
      <SecretBox value={invitation.code} testId="reset-code" label={label} large />
      <p class="mt-3 text-std-16B-170 text-solid-gray-900">{r.resetExpires(formatJst(invitation.expires_at, language))}</p>
      <WarningNotice>
        <p>{r.resetHandOver}</p>
        <p class="mt-2">{t.identity.admin.invitedHowTo(`${window.location.origin}${identityPaths.invitation}`)}</p>
      </WarningNotice>
    </ResultBox>
  );
}

/** The confirmation of a reset under the user's row, then the one-time code. */
export function ResetAccount({ user, onDone, onCancel }: { user: User; onDone: () => void; onCancel: () => void }) {
  const { t, language } = useI18n();
  const r = t.recovery;
  const [problem, setProblem] = useState<ShownProblem | null>(null);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<Invitation | null>(null);
  if (result !== null) {
    return (
      <CodeResult
        heading={r.resetHeading(user.display_name)}
        label={r.resetCodeFor(user.display_name, user.login)}
        invitation={result}
        testId="reset-result"
      />
    );
  }
  const confirm = () => {
    setBusy(true);
    setProblem(null);
    send('POST', `/api/v1/users/${user.id}/reset`, isInvitation, { body: {} }).then(
      (invitation) => {
        setBusy(false);
        setResult(invitation);
        onDone();
      },
      (error: unknown) => {
        setBusy(false);
        setProblem(describeProblem(t, language, error, 'reset'));
      },
    );
  };
  return (
    <ConfirmBox
      class="rounded-8 border-2 border-red-900 bg-red-50 p-4"
      label={busy ? r.resetting : r.reset}
      testId="reset-confirm"
      message={r.resetConfirm(user.display_name)}
      confirmClass={dangerButtonClass}
      onConfirm={confirm}
      onCancel={onCancel}
      busy={busy}
    >
      {problem !== null && <ProblemBox problem={problem} />}
    </ConfirmBox>
  );
}

function PendingRow({ invitation, onChanged }: { invitation: PendingInvitation; onChanged: (notice: string) => void }) {
  const { t, language } = useI18n();
  const r = t.recovery;
  const [confirming, setConfirming] = useState(false);
  const [renewed, setRenewed] = useState<Invitation | null>(null);
  const [problem, setProblem] = useState<ShownProblem | null>(null);
  const [busy, setBusy] = useState(false);
  const failed = (error: unknown) => {
    setBusy(false);
    setProblem(describeProblem(t, language, error));
  };
  const renew = () => {
    setBusy(true);
    setProblem(null);
    send('POST', `/api/v1/invitations/${invitation.id}/renewal`, isInvitation, { body: {} }).then((answer) => {
      setBusy(false);
      setRenewed(answer);
    }, failed);
  };
  const revoke = () => {
    setBusy(true);
    setProblem(null);
    send('DELETE', `/api/v1/invitations/${invitation.id}`, null).then(
      () => onChanged(r.revoked(invitation.login)),
      failed,
    );
  };
  const what = invitation.account_reset
    ? r.pendingKindReset
    : `${r.pendingKindInvitation}（${invitation.roles.map((role) => roleLabel(t, role)).join(t.identity.listSeparator)}）`;
  return (
    <li class="border-b border-solid-gray-200 py-4" data-testid="pending-invitation" data-login={invitation.login}>
      <p class="text-std-16B-170 text-solid-gray-900">
        {invitation.display_name} <span class="break-all font-normal text-solid-gray-700">{invitation.login}</span>
      </p>
      <p class="text-std-16N-170 text-solid-gray-800">
        {what}・{invitation.expired ? <span class="text-error-1">{r.pendingExpired}</span> : r.pendingExpires(formatJst(invitation.expires_at, language))}
      </p>
      {problem !== null && <ProblemBox problem={problem} />}
      {renewed !== null ? (
        <div class="mt-3">
          <CodeResult heading={r.renewed(invitation.login)} label={r.renewed(invitation.login)} invitation={renewed} testId="renewed-result" />
        </div>
      ) : confirming ? (
        <div class="mt-3">
          <ConfirmBox
            class="rounded-8 border-2 border-red-900 bg-red-50 p-4"
            label={r.revoke}
            testId="revoke-confirm"
            message={r.revokeConfirm(invitation.login)}
            confirmClass={dangerButtonClass}
            onConfirm={revoke}
            onCancel={() => setConfirming(false)}
            busy={busy}
          />
        </div>
      ) : (
        <div class="mt-2 flex flex-wrap gap-2">
          <button type="button" class={buttonClass} onClick={renew} disabled={busy} data-testid="renew-invitation">
            {r.renew}
          </button>
          <button type="button" class={buttonClass} onClick={() => setConfirming(true)} data-testid="revoke-invitation">
            {r.revoke}
          </button>
        </div>
      )}
    </li>
  );
}

/** The organisation's pending invitations and resets. `version` changes when one was made elsewhere. */
export function PendingInvitations({ organisation, version }: { organisation: Organisation; version: number }) {
  const { t, language } = useI18n();
  const r = t.recovery;
  const path = `/api/v1/organisations/${organisation.id}/invitations`;
  const [list, reload] = useResource(`${path}#${version}`, (signal) => send('GET', path, isPendingInvitationList, { signal }));
  const [notice, setNotice] = useState<string | null>(null);
  return (
    <section aria-labelledby="pending" class="mt-12 max-w-3xl" data-testid="pending-invitations">
      <h2 id="pending" class={h2Class}>
        {r.pendingHeading}
      </h2>
      <p class="mt-3 text-std-16N-175">{r.pendingLead}</p>
      {notice !== null && <SuccessNotice testId="pending-notice">{notice}</SuccessNotice>}
      {list.state === 'loading' && <LoadingLine />}
      {list.state === 'error' && <ProblemBox problem={describeProblem(t, language, list.error)} />}
      {list.state === 'ready' &&
        (list.data.invitations.length === 0 ? (
          <p class="mt-4 text-std-16N-170">{r.pendingEmpty}</p>
        ) : (
          <ul class="mt-4 border-t border-solid-gray-200">
            {list.data.invitations.map((invitation) => (
              <PendingRow
                key={invitation.id}
                invitation={invitation}
                onChanged={(message) => {
                  setNotice(message);
                  reload();
                }}
              />
            ))}
          </ul>
        ))}
    </section>
  );
}

// WCAG 2.2.1: before an unused session ends, a dialog says when and offers to stay logged in (one button;
// the warning comes two minutes ahead, or half the timeout when it is shorter). If nobody answers, the page
// checks once the session must have ended, the server confirms, and the page signs out; what was typed is
// kept (auth/drafts.ts) and put back, with a notice, after logging in again on the same page.
import { useEffect, useRef, useState } from 'preact/hooks';
import { hasDraftsFor, restoreDrafts } from '../auth/drafts';
import { onIdleChange, sessionDeadline, sessionEndedBy, warningLeadMs } from '../auth/idle';
import { send } from '../auth/request';
import { useSession } from '../auth/session';
import { useI18n } from '../i18n';
import { buttonClass, primaryButtonClass } from '../pages/catalog/ui';

function useNow(active: boolean): number {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    if (!active) return undefined;
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, [active]);
  return now;
}

function useDeadline(): number {
  const [deadline, setDeadline] = useState(sessionDeadline());
  useEffect(() => onIdleChange(() => setDeadline(sessionDeadline())), []);
  return deadline;
}

function Warning({ deadline }: { deadline: number }) {
  const { t } = useI18n();
  const s = t.sessionTimeout;
  const now = useNow(true);
  const [failed, setFailed] = useState(false);
  const extend = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const before = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    extend.current?.focus();
    return () => {
      if (before?.isConnected === true) before.focus();
    };
  }, []);
  const left = Math.max(0, Math.ceil((deadline - now) / 1000));
  const time = left >= 90 ? s.minutes(Math.round(left / 60)) : s.seconds(left);
  const stay = () => {
    setFailed(false);
    // Any answered request restarts the idle timer (auth/idle.ts), which closes this dialog.
    send('GET', '/api/v1/session', null).catch(() => setFailed(true));
  };
  return (
    <div class="fixed inset-0 z-50 flex items-center justify-center bg-opacity-gray-500 p-4">
      <div
        role="alertdialog"
        aria-modal="true"
        aria-labelledby="session-timeout-title"
        aria-describedby="session-timeout-lead"
        class="w-full max-w-lg rounded-8 border-2 border-solid-gray-800 bg-white p-5 shadow-3"
        data-testid="session-timeout"
      >
        <h2 id="session-timeout-title" class="text-std-20B-160 text-solid-gray-900">
          {s.title}
        </h2>
        <p id="session-timeout-lead" class="mt-3 text-std-16N-175">
          {s.lead(time)}
        </p>
        {failed && (
          <p role="alert" class="mt-3 text-std-16B-170 text-error-1">
            {s.extendFailed}
          </p>
        )}
        <p class="mt-5">
          <button ref={extend} type="button" class={primaryButtonClass} onClick={stay} data-testid="session-extend">
            {s.extend}
          </button>
        </p>
      </div>
    </div>
  );
}

function RestoredNotice({ onClose }: { onClose: () => void }) {
  const { t } = useI18n();
  return (
    <div class="mx-auto mt-4 w-full max-w-6xl px-4 md:px-6">
      <div class="flex flex-wrap items-center gap-3 rounded-8 border-2 border-blue-900 bg-blue-50 p-4" data-testid="drafts-restored">
        <p class="min-w-0 flex-1 text-std-16N-170">{t.sessionTimeout.restored}</p>
        <button type="button" class={buttonClass} onClick={onClose}>
          {t.sessionTimeout.dismiss}
        </button>
      </div>
    </div>
  );
}

export function SessionTimeout({ path }: { path: string }) {
  const session = useSession();
  const active = session.status === 'active' && session.mfa === 'none';
  const deadline = useDeadline();
  const [phase, setPhase] = useState<'quiet' | 'warning'>('quiet');
  const [restored, setRestored] = useState(false);

  useEffect(() => {
    if (!active) {
      setPhase('quiet');
      return undefined;
    }
    const warnIn = deadline - warningLeadMs() - Date.now();
    setPhase(warnIn <= 0 ? 'warning' : 'quiet');
    const warn = window.setTimeout(() => setPhase('warning'), Math.max(0, warnIn));
    // By then the server has certainly ended the session: its 401 signs the page out and keeps the drafts.
    const check = window.setTimeout(() => {
      send('GET', '/api/v1/session', null).catch(() => undefined);
    }, Math.max(0, sessionEndedBy() - Date.now()));
    return () => {
      window.clearTimeout(warn);
      window.clearTimeout(check);
    };
  }, [active, deadline]);

  const location = path + window.location.search;
  useEffect(() => {
    if (!active || !hasDraftsFor(location)) return;
    void restoreDrafts(location).then((done) => setRestored(done));
  }, [active, location]);

  return (
    <>
      <div role="status">{restored && <RestoredNotice onClose={() => setRestored(false)} />}</div>
      {active && phase === 'warning' && <Warning deadline={deadline} />}
    </>
  );
}

// /admin/audit: the organisation's audit log, newest first, 50 entries a page ("older" asks for the
// entries before the last one shown). Times in Japan time, people by name, actions in words, and each
// entry's details (before/after of a change, request id) behind a disclosure.
import type { ComponentChildren } from 'preact';
import { useResource } from '../../api/useResource';
import { isRecord } from '../../api/http';
import { formatJst } from '../../auth/format';
import { describeProblem } from '../../auth/problems';
import { send } from '../../auth/request';
import { identityPaths } from '../../auth/routes';
import type { ActiveSession } from '../../auth/session';
import { isAuditPage, isRole, type AuditEntry, type AuditParty } from '../../auth/types';
import { langOf, useI18n, WithName, type Language } from '../../i18n';
import type { Messages } from '../../i18n/ja';
import { Link, useSearch } from '../../router';
import { useState } from 'preact/hooks';
import {
  buttonClass,
  cardCellClass,
  cardHeadClass,
  cardRowClass,
  cardTableClass,
  CellLabel,
  h2Class,
  linkClass,
  LoadingLine,
  ProblemBox,
} from '../account/ui';
import { AdminLayout } from './AdminLayout';

const pageSize = 50;

interface Names {
  /** What the server resolved, by reference ("user:2"). */
  parties: Record<string, AuditParty>;
  organisationId: number;
  organisationName: string;
}

function personText(t: Messages, names: Names, reference: string): string {
  const party = names.parties[reference];
  if (party === undefined) return t.auditActions.removedUser;
  return party.organisation === undefined || party.organisation === names.organisationName
    ? party.name
    : t.auditActions.personIn(party.name, party.organisation);
}

function actorText(t: Messages, names: Names, actor: string): string {
  if (actor === 'anonymous' || actor === '') return t.identity.admin.anonymous;
  if (actor === 'cli') return t.auditActions.system;
  const [kind = ''] = actor.split(':');
  if (kind === 'user') return personText(t, names, actor);
  if (kind === 'token') return names.parties[actor]?.name ?? t.auditActions.removedToken;
  return t.auditActions.other;
}

function targetText(t: Messages, names: Names, target: string): string {
  const a = t.identity.admin;
  const x = t.auditActions;
  if (target === 'session' || target === '') return a.sessionRef;
  const [kind = '', id = ''] = target.split(/:(.*)/s);
  const party = names.parties[target];
  switch (kind) {
    case 'user':
      return personText(t, names, target);
    case 'invitation':
      return party?.name ?? x.removedInvitation;
    case 'api_token':
      return party?.name ?? x.removedToken;
    case 'assessment': {
      if (party?.fiscal_year === undefined) return x.removedAssessment;
      const forms: Record<string, string> = t.catalog.formTitles;
      return t.assessments.title(t.assessments.fiscalYear(party.fiscal_year), forms[party.form ?? ''] ?? '');
    }
    case 'system':
      return party?.name ?? '—';
    case 'organisation':
      return Number(id) === names.organisationId ? names.organisationName : x.organisationRef;
    case 'account':
      return a.accountRef(id);
    case 'address':
      return a.addressRef(id);
    default:
      return '—';
  }
}

/** A person's or thing's name as stored, marked lang="ja" when Japanese (for the English UI's screen readers). */
function Named({ text }: { text: string }) {
  return <span lang={langOf(text)}>{text}</span>;
}

function rolesText(t: Messages, value: unknown): string | null {
  const list = typeof value === 'string' ? value.split(',') : Array.isArray(value) ? value : null;
  if (list === null) return null;
  return list
    .map((role) => (typeof role === 'string' && isRole(role) ? t.identity.roles[role] : String(role)))
    .join(t.identity.listSeparator);
}

function DetailValue({ name, value, names }: { name: string; value: unknown; names: Names }): ComponentChildren {
  const { t } = useI18n();
  if (name === 'roles' || name === 'scopes') {
    const roles = name === 'roles' ? rolesText(t, value) : Array.isArray(value) ? value.join(', ') : null;
    if (roles !== null) return roles;
  }
  if (name === 'organisation_id' && value === names.organisationId) return names.organisationName;
  if (typeof value === 'boolean') return value ? t.identity.yes : t.identity.no;
  if (isRecord(value)) return <DetailList detail={value} names={names} />;
  if (Array.isArray(value)) return value.map((item) => (typeof item === 'string' ? item : JSON.stringify(item))).join(', ');
  if (value === null) return '—';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

// Keys in a sensible reading order (the server sorts them alphabetically: "after" before "before").
const keyOrder = ['login', 'name', 'roles', 'scopes', 'disabled', 'organisation_id', 'invitation_id', 'before', 'after'];

function ordered(detail: Record<string, unknown>): [string, unknown][] {
  const rank = (key: string) => {
    const index = keyOrder.indexOf(key);
    return index < 0 ? keyOrder.length : index;
  };
  return Object.entries(detail).sort(([x], [y]) => rank(x) - rank(y));
}

function DetailList({ detail, names }: { detail: Record<string, unknown>; names: Names }) {
  const { t } = useI18n();
  const keys = t.identity.admin.detailKeys;
  return (
    <dl class="grid grid-cols-[auto_minmax(0,1fr)] gap-x-4 gap-y-1">
      {ordered(detail).map(([key, value]) => (
        <div key={key} class="contents">
          <dt class="text-solid-gray-700">{keys[key] ?? key}</dt>
          <dd class="break-words text-solid-gray-900">
            <DetailValue name={key} value={value} names={names} />
          </dd>
        </div>
      ))}
    </dl>
  );
}

function EntryDetail({ entry, names }: { entry: AuditEntry; names: Names }) {
  const { t } = useI18n();
  const a = t.identity.admin;
  const detail = isRecord(entry.detail) ? entry.detail : {};
  return (
    <div class="max-w-3xl rounded-6 border border-solid-gray-420 bg-solid-gray-50 p-3 text-dns-16N-130" data-testid="audit-detail">
      {Object.keys(detail).length > 0 && <DetailList detail={detail} names={names} />}
      <dl
        class={`grid grid-cols-[auto_minmax(0,1fr)] gap-x-4 gap-y-1 text-dns-14N-130 ${
          Object.keys(detail).length > 0 ? 'mt-2 border-t border-solid-gray-200 pt-2' : ''
        }`}
      >
        <dt class="text-solid-gray-700">{a.sequence}</dt>
        <dd>{entry.seq}</dd>
        <dt class="text-solid-gray-700">{a.requestId}</dt>
        <dd class="break-all font-mono">{entry.request_id || '—'}</dd>
      </dl>
    </div>
  );
}

/** The action in words; a code without its own label gets its group's label, never the raw code. */
export function actionName(t: Messages, action: string): string {
  const x = t.auditActions;
  return (
    x.names[action] ??
    t.systemsRegister.auditNames[action] ??
    t.roleSharing.auditNames[action] ??
    t.vendorDisclosures.auditNames[action] ??
    t.ledger.auditNames[action] ??
    t.surveys.auditNames[action] ??
    t.preparedness.auditNames[action] ??
    x.groups[action.split('.')[0] ?? ''] ??
    x.other
  );
}

function isFailure(action: string): boolean {
  return /failure|lockout|refused/.test(action);
}

function AuditTable({ entries, names, language }: { entries: AuditEntry[]; names: Names; language: Language }) {
  const { t } = useI18n();
  const a = t.identity.admin;
  const [open, setOpen] = useState<ReadonlySet<number>>(new Set());
  const toggle = (seq: number) => {
    const next = new Set(open);
    if (next.has(seq)) next.delete(seq);
    else next.add(seq);
    setOpen(next);
  };
  return (
    // The table scrolls inside its own box if it ever has to; the page itself never scrolls sideways (1.4.10).
    <div class="mt-4 overflow-x-auto" data-scroll-container>
      <table class={cardTableClass} data-testid="audit-table">
        <thead class={cardHeadClass}>
          <tr class="border-b-2 border-solid-gray-600 text-dns-14B-120 text-solid-gray-800">
            <th scope="col" class="px-2 py-3">{a.time}</th>
            <th scope="col" class="px-2 py-3">{a.actor}</th>
            <th scope="col" class="px-2 py-3">{a.action}</th>
            <th scope="col" class="px-2 py-3">{a.target}</th>
            <th scope="col" class="px-2 py-3">{a.remote}</th>
            <th scope="col" class="px-2 py-3">
              <span class="sr-only">{a.detail}</span>
            </th>
          </tr>
        </thead>
        <tbody class="block border-t-2 border-solid-gray-600 md:table-row-group md:border-t-0">
          {entries.map((entry) => {
            const expanded = open.has(entry.seq);
            const panel = `audit-detail-${entry.seq}`;
            return [
              <tr
                key={entry.seq}
                class={`${cardRowClass} align-top ${expanded ? 'md:border-b-0' : ''}`}
                data-testid="audit-row"
                data-action={entry.action}
                data-seq={entry.seq}
              >
                <td class={`${cardCellClass} md:whitespace-nowrap md:text-dns-16N-130`}>
                  <CellLabel>{a.time}</CellLabel>
                  <time dateTime={entry.at}>{formatJst(entry.at, language, { seconds: true })}</time>
                </td>
                <td class={`${cardCellClass} md:whitespace-nowrap`}>
                  <CellLabel>{a.actor}</CellLabel>
                  <Named text={actorText(t, names, entry.actor)} />
                </td>
                <td class={cardCellClass} data-testid="audit-action">
                  <CellLabel>{a.action}</CellLabel>
                  <span class={`text-std-16B-170 ${isFailure(entry.action) ? 'text-error-1' : 'text-solid-gray-900'}`}>
                    {isFailure(entry.action) && <span aria-hidden="true">⚠ </span>}
                    {actionName(t, entry.action)}
                  </span>
                </td>
                <td class={cardCellClass}>
                  <CellLabel>{a.target}</CellLabel>
                  <Named text={targetText(t, names, entry.target)} />
                </td>
                <td class={`${cardCellClass} whitespace-nowrap font-mono text-dns-14N-130`}>
                  <CellLabel>{a.remote}</CellLabel>
                  {entry.remote}
                </td>
                <td class="block px-2 py-1 md:table-cell md:py-2 md:text-right">
                  <button
                    type="button"
                    class="inline-flex min-h-11 items-center gap-1 whitespace-nowrap text-std-16N-170 text-blue-1000 underline underline-offset-2 hover:decoration-2"
                    aria-expanded={expanded}
                    aria-controls={panel}
                    onClick={() => toggle(entry.seq)}
                    data-testid="audit-detail-toggle"
                  >
                    <span aria-hidden="true">{expanded ? '▾' : '▸'}</span>
                    {a.showDetail}
                  </button>
                </td>
              </tr>,
              expanded && (
                <tr key={`${entry.seq}-detail`} id={panel} class="block border-b border-solid-gray-200 md:table-row">
                  <td colSpan={6} class="block px-2 pb-3 md:table-cell">
                    <EntryDetail entry={entry} names={names} />
                  </td>
                </tr>
              ),
            ];
          })}
        </tbody>
      </table>
    </div>
  );
}

function AuditPage({ session }: { session: ActiveSession }) {
  const { t, language } = useI18n();
  const a = t.identity.admin;
  const search = new URLSearchParams(useSearch());
  const beforeText = search.get('before');
  const before = beforeText !== null && /^\d+$/.test(beforeText) ? beforeText : null;
  const organisation = session.user.organisation_id;
  const query = new URLSearchParams({ limit: String(pageSize), ...(before === null ? {} : { before }) }).toString();
  const path = `/api/v1/organisations/${organisation}/audit?${query}`;
  const [page, reload] = useResource(path, (signal) => send('GET', path, isAuditPage, { signal }));
  const names: Names = {
    parties: page.state === 'ready' ? page.data.names : {},
    organisationId: organisation,
    organisationName: session.user.organisation_name,
  };

  return (
    <>
      <p class="mt-4 max-w-3xl text-std-16N-175">{a.auditLead}</p>
      <section aria-labelledby="audit" class="mt-8">
        <h2 id="audit" class={h2Class}>
          <WithName text={a.auditHeading(session.user.organisation_name)} name={session.user.organisation_name} />
        </h2>
        {page.state === 'loading' && <LoadingLine />}
        {page.state === 'error' && (
          <>
            <ProblemBox problem={describeProblem(t, language, page.error)} />
            <p class="mt-4">
              <button type="button" class={buttonClass} onClick={reload}>
                {t.identity.retry}
              </button>
            </p>
          </>
        )}
        {page.state === 'ready' && (
          <>
            {page.data.entries.length === 0 ? (
              <p class="mt-4 text-std-16N-170" data-testid="audit-empty">
                {before === null ? a.auditEmpty : a.noOlder}
              </p>
            ) : (
              <AuditTable entries={page.data.entries} names={names} language={language} />
            )}
            <nav aria-label={a.auditTitle} class="mt-6 flex flex-wrap gap-x-6 gap-y-2 text-std-16N-170">
              {before !== null && (
                <Link href={identityPaths.adminAudit} class={linkClass}>
                  {a.newest}
                </Link>
              )}
              {page.data.entries.length === pageSize && (
                <Link
                  href={`${identityPaths.adminAudit}?${new URLSearchParams({ before: String(page.data.entries[pageSize - 1]?.seq ?? '') }).toString()}`}
                  class={linkClass}
                >
                  {a.older} →
                </Link>
              )}
            </nav>
          </>
        )}
      </section>
    </>
  );
}

export function Audit() {
  return <AdminLayout page="adminAudit">{(session) => <AuditPage session={session} />}</AdminLayout>;
}

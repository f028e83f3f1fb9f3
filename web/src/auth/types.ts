// Shapes of the identity API (/api/v1: setup, session, me, organisations, users, audit) and the guards
// that check an answer before a page uses it.
import { isRecord } from '../api/http';

export type MfaStep = 'none' | 'verify' | 'enrol';

export const roleNames = [
  'administrator',
  'security_manager',
  'editor',
  'viewer',
  'inspector',
  'analyst',
  'vendor_respondent',
] as const;
export type Role = (typeof roleNames)[number];

export const organisationKinds = [
  'clinic',
  'hospital',
  'dental_clinic',
  'pharmacy',
  'ministry',
  'prefecture',
  'health_centre',
  'vendor',
] as const;
export type OrganisationKind = (typeof organisationKinds)[number];

export interface User {
  id: number;
  organisation_id: number;
  organisation_name: string;
  login: string;
  display_name: string;
  roles: string[];
  mfa_enabled: boolean;
  mfa_required: boolean;
  disabled: boolean;
  created_at: string;
}

export interface SessionAnswer {
  user: User;
  mfa: MfaStep;
  csrf_token: string;
  recovery_codes?: string[];
  /** The session began with the code of an account reset made by an administrator. */
  account_reset?: boolean;
  /** How long an unused session lasts (the page warns before it ends). */
  session_idle_seconds?: number;
}

export interface TotpEnrolment {
  secret: string;
  otpauth_uri: string;
  qr_svg: string;
}

export interface ApiToken {
  id: number;
  name: string;
  scopes: string[];
  created_at: string;
  expires_at: string;
  last_used_at: string | null;
}

export interface CreatedToken {
  id: number;
  token: string;
  expires_at: string;
}

export interface Organisation {
  id: number;
  kind: string;
  name: string;
  parent_id: number | null;
  prefecture_code: string;
  municipality_code: string;
  has_administrator: boolean;
  can_manage_users: boolean;
  can_onboard: boolean;
}

export interface Invitation {
  id: number;
  code: string;
  expires_at: string;
}

export interface AuditEntry {
  seq: number;
  at: string;
  actor: string;
  action: string;
  target: string;
  detail: unknown;
  remote: string;
  request_id: string;
}

/** Roles each kind of organisation can give (mirrors identity::roles_for on the server). */
export function rolesFor(kind: string): Role[] {
  switch (kind) {
    case 'hospital':
    case 'clinic':
    case 'dental_clinic':
    case 'pharmacy':
      return ['administrator', 'security_manager', 'editor', 'viewer'];
    case 'ministry':
      return ['administrator', 'analyst', 'viewer'];
    case 'prefecture':
    case 'health_centre':
      return ['administrator', 'inspector', 'viewer'];
    case 'vendor':
      return ['administrator', 'vendor_respondent'];
    default:
      return [];
  }
}

/** Roles for which two-factor authentication is mandatory (mirrors identity::mfa_required). */
export function roleNeedsMfa(role: string): boolean {
  return role === 'administrator' || role === 'inspector' || role === 'analyst';
}

export function isRole(value: string): value is Role {
  return (roleNames as readonly string[]).includes(value);
}

export function isOrganisationKind(value: string): value is OrganisationKind {
  return (organisationKinds as readonly string[]).includes(value);
}

const isString = (value: unknown): value is string => typeof value === 'string';
const isNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);
const isBoolean = (value: unknown): value is boolean => typeof value === 'boolean';
const isStringList = (value: unknown): value is string[] => Array.isArray(value) && value.every(isString);

function isMfaStep(value: unknown): value is MfaStep {
  return value === 'none' || value === 'verify' || value === 'enrol';
}

export function isUser(value: unknown): value is User {
  return (
    isRecord(value) &&
    isNumber(value['id']) &&
    isNumber(value['organisation_id']) &&
    isString(value['organisation_name']) &&
    isString(value['login']) &&
    isString(value['display_name']) &&
    isStringList(value['roles']) &&
    isBoolean(value['mfa_enabled']) &&
    isBoolean(value['mfa_required']) &&
    isBoolean(value['disabled']) &&
    isString(value['created_at'])
  );
}

export function isSessionAnswer(value: unknown): value is SessionAnswer {
  return (
    isRecord(value) &&
    isUser(value['user']) &&
    isMfaStep(value['mfa']) &&
    isString(value['csrf_token']) &&
    (value['recovery_codes'] === undefined || isStringList(value['recovery_codes'])) &&
    (value['account_reset'] === undefined || isBoolean(value['account_reset'])) &&
    (value['session_idle_seconds'] === undefined || isNumber(value['session_idle_seconds']))
  );
}

export function isSetupState(value: unknown): value is { needed: boolean } {
  return isRecord(value) && isBoolean(value['needed']);
}

export function isTotpEnrolment(value: unknown): value is TotpEnrolment {
  return isRecord(value) && isString(value['secret']) && isString(value['otpauth_uri']) && isString(value['qr_svg']);
}

function isApiToken(value: unknown): value is ApiToken {
  return (
    isRecord(value) &&
    isNumber(value['id']) &&
    isString(value['name']) &&
    isStringList(value['scopes']) &&
    isString(value['created_at']) &&
    isString(value['expires_at']) &&
    (value['last_used_at'] === null || isString(value['last_used_at']))
  );
}

export function isTokenList(value: unknown): value is { tokens: ApiToken[] } {
  return isRecord(value) && Array.isArray(value['tokens']) && value['tokens'].every(isApiToken);
}

export function isCreatedToken(value: unknown): value is CreatedToken {
  return isRecord(value) && isNumber(value['id']) && isString(value['token']) && isString(value['expires_at']);
}

function isOrganisation(value: unknown): value is Organisation {
  return (
    isRecord(value) &&
    isNumber(value['id']) &&
    isString(value['kind']) &&
    isString(value['name']) &&
    (value['parent_id'] === null || isNumber(value['parent_id'])) &&
    isString(value['prefecture_code']) &&
    isString(value['municipality_code']) &&
    isBoolean(value['has_administrator']) &&
    isBoolean(value['can_manage_users']) &&
    isBoolean(value['can_onboard'])
  );
}

export function isOrganisationList(value: unknown): value is { organisations: Organisation[] } {
  return isRecord(value) && Array.isArray(value['organisations']) && value['organisations'].every(isOrganisation);
}

export function isUserList(value: unknown): value is { users: User[] } {
  return isRecord(value) && Array.isArray(value['users']) && value['users'].every(isUser);
}

export function isInvitation(value: unknown): value is Invitation {
  return isRecord(value) && isNumber(value['id']) && isString(value['code']) && isString(value['expires_at']);
}

/** A pending invitation or account reset, as administrators list it (never its code). */
export interface PendingInvitation {
  id: number;
  login: string;
  display_name: string;
  roles: string[];
  account_reset: boolean;
  expires_at: string;
  expired: boolean;
}

function isPendingInvitation(value: unknown): value is PendingInvitation {
  return (
    isRecord(value) &&
    isNumber(value['id']) &&
    isString(value['login']) &&
    isString(value['display_name']) &&
    isStringList(value['roles']) &&
    isBoolean(value['account_reset']) &&
    isString(value['expires_at']) &&
    isBoolean(value['expired'])
  );
}

export function isPendingInvitationList(value: unknown): value is { invitations: PendingInvitation[] } {
  return isRecord(value) && Array.isArray(value['invitations']) && value['invitations'].every(isPendingInvitation);
}

/** An institution of the facility master, found for first-run setup. */
export interface FacilityMatch {
  id: number;
  kind: string;
  name: string;
  facility_id: string;
  prefecture_code: string;
  municipality_code: string;
  address: string;
}

function isFacilityMatch(value: unknown): value is FacilityMatch {
  return (
    isRecord(value) &&
    isNumber(value['id']) &&
    ['kind', 'name', 'facility_id', 'prefecture_code', 'municipality_code', 'address'].every((key) => isString(value[key]))
  );
}

export function isFacilityPage(value: unknown): value is { facilities: FacilityMatch[]; more: boolean } {
  return isRecord(value) && Array.isArray(value['facilities']) && value['facilities'].every(isFacilityMatch) && isBoolean(value['more']);
}

export interface Prefecture {
  code: string;
  name_ja: string;
  name_en: string;
}

export function isPrefectureList(value: unknown): value is { prefectures: Prefecture[] } {
  return (
    isRecord(value) &&
    Array.isArray(value['prefectures']) &&
    value['prefectures'].every((p: unknown) => isRecord(p) && isString(p['code']) && isString(p['name_ja']) && isString(p['name_en']))
  );
}

/** An organisation's profile, as its administrators edit it. */
export interface OrganisationProfile {
  id: number;
  kind: string;
  name: string;
  address: string;
  facility_id: string;
  prefecture_code: string;
  municipality_code: string;
}

export function isOrganisationProfile(value: unknown): value is OrganisationProfile {
  return (
    isRecord(value) &&
    isNumber(value['id']) &&
    ['kind', 'name', 'address', 'facility_id', 'prefecture_code', 'municipality_code'].every((key) => isString(value[key]))
  );
}

function isAuditEntry(value: unknown): value is AuditEntry {
  return (
    isRecord(value) &&
    isNumber(value['seq']) &&
    isString(value['at']) &&
    isString(value['actor']) &&
    isString(value['action']) &&
    isString(value['target']) &&
    isString(value['remote']) &&
    isString(value['request_id'])
  );
}

/** What an audit reference ("user:2", "assessment:7") names, as the server resolved it. */
export interface AuditParty {
  kind: string;
  name: string;
  organisation?: string;
  fiscal_year?: number;
  form?: string;
}

export interface AuditPage {
  entries: AuditEntry[];
  names: Record<string, AuditParty>;
}

function isAuditParty(value: unknown): value is AuditParty {
  return isRecord(value) && isString(value['kind']) && isString(value['name']);
}

export function isAuditPage(value: unknown): value is AuditPage {
  return (
    isRecord(value) &&
    Array.isArray(value['entries']) &&
    value['entries'].every(isAuditEntry) &&
    isRecord(value['names']) &&
    Object.values(value['names']).every(isAuditParty)
  );
}

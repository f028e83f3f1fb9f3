// Shared by the browser tests: starts `mamori serve` (binary from MAMORI_BIN) on a free port with a
// throw-away database (SQLite; with MAMORI_TEST_DATABASE=postgres a fresh database in the cluster named by
// MAMORI_TEST_POSTGRES_URL, as `with_postgres_cluster` sets up for the C++ tests), drives Debian's Chromium against it through playwright-core (browsers are
// never downloaded), records console errors (which is where CSP violations show up) and stops
// everything at the end.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { createHmac, randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { checkPage } from './page-checks.mjs';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
export const screenshotDir = process.env.MAMORI_SCREENSHOT_DIR ?? join(repoRoot, 'build', 'screenshots');
const startTimeoutMs = 30_000;
const stopTimeoutMs = 5_000;

const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

// psql: runs one statement on the PostgreSQL cluster of the test run (never inside a transaction: CREATE and
// DROP DATABASE refuse that).
function runPsql(statement) {
  return spawnSync('psql', ['-X', '-q', '-v', 'ON_ERROR_STOP=1', '-c', statement, process.env.MAMORI_TEST_POSTGRES_URL], {
    encoding: 'utf8',
  });
}

function psql(statement) {
  const run = runPsql(statement);
  assert.equal(run.status, 0, `psql ${statement}: ${run.stderr}`);
}

// createDatabase: the URL of a database for one test: a SQLite file in `databaseDir`, or a fresh PostgreSQL
// database that `dropDatabase` removes.
function createDatabase(databaseDir) {
  if (process.env.MAMORI_TEST_DATABASE !== 'postgres') return { url: `sqlite:${databaseDir}/mamori.db` };
  assert.ok(process.env.MAMORI_TEST_POSTGRES_URL, 'MAMORI_TEST_DATABASE=postgres needs MAMORI_TEST_POSTGRES_URL (run under with_postgres_cluster)');
  const name = `e2e_${randomBytes(6).toString('hex')}`;
  psql(`CREATE DATABASE ${name}`);
  const url = new URL(process.env.MAMORI_TEST_POSTGRES_URL);
  url.pathname = `/${name}`;
  return { url: url.href, name };
}

// The server has exited, so only its closing backends or an autovacuum worker can still be in the database.
// DROP DATABASE cancels autovacuum by itself; WITH (FORCE) is not used because it refuses to terminate that
// worker for a role that is not a superuser. A closing backend is waited out for up to ten seconds.
async function dropDatabase(database) {
  if (!database.name) return;
  const statement = `DROP DATABASE ${database.name}`;
  for (let attempt = 0; attempt < 20; attempt += 1) {
    const run = runPsql(statement);
    if (run.status === 0) return;
    if (!/being accessed by other users/.test(run.stderr)) assert.fail(`psql ${statement}: ${run.stderr}`);
    await new Promise((done) => setTimeout(done, 500));
  }
  psql(statement);
}

// Starts the server and resolves with its base URL once it prints the line announcing it. `setupCode()` is
// the first-run setup code it printed before that line, as an operator reads it off the console. By default
// the demo organisations are loaded without users (tests of first-run setup and invitations); with
// `personas` the server runs in demo mode proper (`--demo`: ready persona users, no setup code). `extraArgs`
// are added to `mamori serve`. The demo's national sample for statistics (thousands of institutions, seconds
// per start) is left out unless `statisticsSample`.
export function startServer(bin, databaseUrl, { personas = false, extraArgs = [], statisticsSample = false } = {}) {
  const demo = personas ? ['--demo'] : ['--demo', '--demo-organisations-only'];
  if (personas && !statisticsSample) demo.push('--demo-without-statistics-sample');
  const child = spawn(bin, ['serve', '--listen', '127.0.0.1:0', '--database', databaseUrl, ...demo, ...extraArgs], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  let setupCode = null;
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk) => {
    stderr += chunk;
  });

  const url = new Promise((resolveUrl, reject) => {
    const fail = (why) => reject(new Error(`${why}\n--- server stderr ---\n${stderr || '(empty)'}`));
    const timer = setTimeout(() => fail(`${bin} printed no URL within ${startTimeoutMs / 1000} s`), startTimeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      fail(`cannot start ${bin}: ${error.message}`);
    });
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      fail(`${bin} exited before printing its URL (code ${code}, signal ${signal})`);
    });
    createInterface({ input: child.stdout }).on('line', (line) => {
      const code = /enter the setup code ([0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4})/.exec(line);
      if (code) setupCode = code[1];
      const match = /running at (https?:\/\/[^\s"]+)/.exec(line);
      if (match) {
        clearTimeout(timer);
        resolveUrl(new URL(match[1]));
      }
    });
  });
  return { child, url, setupCode: () => setupCode };
}

export async function stopServer(child) {
  if (child.exitCode === null && child.signalCode === null) {
    const exited = new Promise((done) => child.once('exit', done));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), stopTimeoutMs);
    await exited;
    clearTimeout(timer);
  }
  // A grandchild (e.g. of a wrapper script) may still hold the pipes open and keep this process alive.
  child.stdout.destroy();
  child.stderr.destroy();
}

// Every screenshot a test takes is of a page state worth checking: axe-core and the language checks of
// page-checks.mjs run first, and a finding fails the test. MAMORI_PAGE_CHECKS=report only prints the
// findings (to collect them all in one run while fixing them); it is not for CI.
function checkBeforeScreenshots(page) {
  const screenshot = page.screenshot.bind(page);
  page.screenshot = async (options = {}) => {
    try {
      await checkPage(page, options.path ?? '(no file)');
    } catch (error) {
      if (process.env.MAMORI_PAGE_CHECKS !== 'report') throw error;
      console.error(error.message);
    }
    return screenshot(options);
  };
}

/**
 * Starts the server and a fresh Chromium profile. Returns the session: `page`, `baseUrl`, `setupCode` (the
 * first-run setup code the server printed), `problems`
 * (console errors and uncaught exceptions so far), `open(path)`, `screenshot(name)`, `newBrowser()` and
 * `close()`. `expectedError(message)` may return true for console errors a test provokes on purpose (e.g.
 * the browser's log line for a 404 answer). `newBrowser()` starts a second Chromium with its own profile
 * (its own cookies: another person on another PC) and returns `{ context, page, problems, open }`; it is
 * closed with the session. `personas: true` starts the server in demo mode with its persona users;
 * `serverArgs` are added to `mamori serve` (e.g. a short --session-idle-minutes).
 */
export async function startSession({
  expectedError = () => false,
  personas = false,
  serverArgs = [],
  statisticsSample = false,
} = {}) {
  const bin = process.env.MAMORI_BIN;
  assert.ok(bin, 'MAMORI_BIN is not set: point it at the mamori binary, e.g. MAMORI_BIN=build/release/mamori');
  mkdirSync(screenshotDir, { recursive: true });
  const workDir = mkdtempSync(join(tmpdir(), 'mamori-e2e-'));
  const database = createDatabase(workDir);

  let server;
  const contexts = [];
  const close = async () => {
    for (const context of contexts.reverse()) await context.close();
    if (server) await stopServer(server.child);
    await dropDatabase(database);
    rmSync(workDir, { recursive: true, force: true });
  };

  // One Chromium with a fresh profile, its console errors and uncaught exceptions collected in `problems`.
  const launch = async (baseUrl) => {
    const profileDir = join(workDir, `chromium-profile-${contexts.length + 1}`);
    mkdirSync(profileDir);
    const context = await chromium.launchPersistentContext(profileDir, {
      executablePath: '/usr/bin/chromium',
      args: chromiumArgs,
      viewport: { width: 1280, height: 800 },
      locale: 'ja-JP',
    });
    contexts.push(context);
    const page = context.pages()[0] ?? (await context.newPage());
    checkBeforeScreenshots(page);
    context.on('page', checkBeforeScreenshots);
    const problems = [];
    page.on('console', (message) => {
      if (message.type() === 'error' && !expectedError(message)) {
        problems.push(`console error on ${page.url()}: ${message.text()}`);
      }
    });
    page.on('pageerror', (error) => problems.push(`uncaught exception on ${page.url()}: ${error.message}`));
    return { context, page, problems, open: (path) => page.goto(new URL(path, baseUrl).href) };
  };

  try {
    server = startServer(bin, database.url, { personas, extraArgs: serverArgs, statisticsSample });
    const baseUrl = await server.url;
    const { page, problems, open } = await launch(baseUrl);
    return {
      baseUrl,
      databaseUrl: database.url,
      setupCode: server.setupCode(),
      page,
      problems,
      open,
      screenshot: (name) => page.screenshot({ path: join(screenshotDir, `${name}.png`), fullPage: true }),
      newBrowser: () => launch(baseUrl),
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}

// ---- API helpers for tests that need people in the demo organisations ----


function base32Bytes(text) {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = 0;
  let value = 0;
  const out = [];
  for (const char of text.replace(/[\s=]/g, '').toUpperCase()) {
    const index = alphabet.indexOf(char);
    assert.ok(index >= 0, `not Base32: ${char}`);
    value = (value << 5) | index;
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return Buffer.from(out);
}

/** RFC 6238 (HMAC-SHA1, 30 s steps, 6 digits) for a Base32 secret; `step` defaults to now. */
export function totpCode(secret, step = Math.floor(Date.now() / 30_000)) {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(step));
  const mac = createHmac('sha1', base32Bytes(secret)).update(counter).digest();
  const offset = mac[mac.length - 1] & 0x0f;
  return String((mac.readUInt32BE(offset) & 0x7fffffff) % 1_000_000).padStart(6, '0');
}

/**
 * A minimal API client for test set-up: keeps the session cookie and the CSRF token like the page does.
 * `call(method, path, body)` resolves to `{ status, body }` (body parsed when JSON) and never throws for an
 * HTTP status; `expectOk` does, with the problem in the message.
 */
export class ApiClient {
  constructor(baseUrl) {
    this.baseUrl = baseUrl;
    this.cookie = null;
    this.csrf = null;
  }

  async call(method, path, body, { raw, contentType } = {}) {
    const headers = { Accept: 'application/json', Origin: this.baseUrl.origin };
    if (this.cookie !== null) headers.Cookie = this.cookie;
    if (method !== 'GET' && this.csrf !== null) headers['X-CSRF-Token'] = this.csrf;
    let payload;
    if (raw !== undefined) {
      payload = raw;
      headers['Content-Type'] = contentType ?? 'application/octet-stream';
    } else if (body !== undefined) {
      payload = JSON.stringify(body);
      headers['Content-Type'] = 'application/json';
    }
    const response = await fetch(new URL(path, this.baseUrl), { method, headers, body: payload });
    const setCookie = response.headers.get('set-cookie');
    if (setCookie) {
      const pair = setCookie.split(';')[0];
      this.cookie = pair.endsWith('=') ? null : pair;
    }
    const text = await response.text();
    let parsed = text;
    if ((response.headers.get('content-type') ?? '').includes('json') && text !== '') parsed = JSON.parse(text);
    if (parsed && typeof parsed === 'object' && typeof parsed.csrf_token === 'string' && parsed.csrf_token !== '') {
      this.csrf = parsed.csrf_token;
    }
    return { status: response.status, body: parsed };
  }

  async expectOk(method, path, body, options) {
    const answer = await this.call(method, path, body, options);
    assert.ok(answer.status >= 200 && answer.status < 300, `${method} ${path} answered ${answer.status}: ${JSON.stringify(answer.body)}`);
    return answer.body;
  }

  /** Enrols TOTP for the logged-in user (who must be at the enrolment step); returns the secret. */
  async enrolTotp() {
    const { secret } = await this.expectOk('POST', '/api/v1/me/mfa/enrolment');
    await this.expectOk('POST', '/api/v1/me/mfa/confirmation', { code: totpCode(secret) });
    return secret;
  }

  /** Logs in with a password only (for roles without two-factor). */
  async login(login, password) {
    const answer = await this.expectOk('POST', '/api/v1/session', { login, password });
    assert.equal(answer.mfa, 'none', `${login} needs a second factor`);
    return answer.user;
  }
}

/**
 * Gives demo institutions people to log in as, the way a real roll-out does it: the first-run setup makes
 * an administrator of 東京都 (demo organisation 2), who invites each institution's first administrator,
 * who invites the people asked for. `setupCode` is the one the server printed (session.setupCode). `people` is
 * a list of `{ organisation, name, login, password, roles }`
 * (roles without mandatory two-factor, e.g. security_manager or editor, so that the browser logs in with
 * the password alone). Resolves to `{ organisations: name → id, prefecture: ApiClient, prefectureLogin: { login,
 * password, secret } }` (the TOTP secret, to log the prefecture's administrator in again).
 */
export async function provisionDemoPeople(baseUrl, setupCode, people) {
  const password = 'tokyo prefecture admin 2026';
  const prefecture = new ApiClient(baseUrl);
  const setup = await prefecture.expectOk('POST', '/api/v1/setup', {
    setup_code: setupCode,
    organisation_id: 2,
    login: 'pref-admin@example.jp',
    display_name: '東京都 管理者',
    password,
  });
  assert.equal(setup.user.organisation_name, '東京都', 'demo organisation 2 is not 東京都: the demo data changed');
  const prefectureSecret = await prefecture.enrolTotp();
  const { organisations } = await prefecture.expectOk('GET', '/api/v1/organisations');
  const ids = Object.fromEntries(organisations.map((o) => [o.name, o.id]));

  const admins = new Map();
  for (const person of people) {
    const org = ids[person.organisation];
    assert.ok(org, `no demo organisation ${person.organisation}`);
    if (!admins.has(org)) {
      const invitation = await prefecture.expectOk('POST', `/api/v1/organisations/${org}/invitations`, {
        display_name: `${person.organisation} 管理者`,
        login: `admin-${org}@example.jp`,
        roles: ['administrator'],
      });
      const admin = new ApiClient(baseUrl);
      await admin.expectOk('POST', '/api/v1/invitations/accept', { code: invitation.code, password: `institution admin ${org} 2026` });
      await admin.enrolTotp();
      admins.set(org, admin);
    }
    const invitation = await admins.get(org).expectOk('POST', `/api/v1/organisations/${org}/invitations`, {
      display_name: person.name,
      login: person.login,
      roles: person.roles,
    });
    const client = new ApiClient(baseUrl);
    await client.expectOk('POST', '/api/v1/invitations/accept', { code: invitation.code, password: person.password });
  }
  return { organisations: ids, prefecture, prefectureLogin: { login: 'pref-admin@example.jp', password, secret: prefectureSecret } };
}

/** Logs in through the login page with a password (no second factor) and waits to leave it. */
export async function loginInPage(page, baseUrl, login, password) {
  await page.goto(new URL('/login', baseUrl).href);
  await page.getByLabel('ログイン名（メールアドレス）').fill(login);
  await page.getByRole('textbox', { name: 'パスワード', exact: true }).fill(password);
  await page.getByRole('button', { name: 'ログインする' }).click();
  await page.waitForURL((url) => url.pathname !== '/login');
}

/** The id of the signed-in institution's draft self-assessment (the demo gives each institution one). */
export async function draftAssessmentId(page) {
  return page.evaluate(async () => {
    const me = await (await fetch('/api/v1/me')).json();
    const list = await (await fetch(`/api/v1/organisations/${me.organisation_id}/assessments`)).json();
    return list.assessments.find((a) => a.status === 'draft').id;
  });
}

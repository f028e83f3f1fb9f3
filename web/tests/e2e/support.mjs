// Shared by the browser tests: starts `mamori serve` (binary from MAMORI_BIN) on a free port with a
// throw-away SQLite database, drives Debian's Chromium against it through playwright-core (browsers are
// never downloaded), records console errors (which is where CSP violations show up) and stops
// everything at the end.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

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

// Starts the server and resolves with its base URL once it prints the line announcing it.
export function startServer(bin, databaseDir) {
  const child = spawn(bin, ['serve', '--listen', '127.0.0.1:0', '--database', `sqlite:${databaseDir}/mamori.db`, '--demo'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
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
      const match = /https?:\/\/[^\s"]+/.exec(line);
      if (match) {
        clearTimeout(timer);
        resolveUrl(new URL(match[0]));
      }
    });
  });
  return { child, url };
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

/**
 * Starts the server and a fresh Chromium profile. Returns the session: `page`, `baseUrl`, `problems`
 * (console errors and uncaught exceptions so far), `open(path)`, `screenshot(name)`, `newBrowser()` and
 * `close()`. `expectedError(message)` may return true for console errors a test provokes on purpose (e.g.
 * the browser's log line for a 404 answer). `newBrowser()` starts a second Chromium with its own profile
 * (its own cookies: another person on another PC) and returns `{ context, page, problems, open }`; it is
 * closed with the session.
 */
export async function startSession({ expectedError = () => false } = {}) {
  const bin = process.env.MAMORI_BIN;
  assert.ok(bin, 'MAMORI_BIN is not set: point it at the mamori binary, e.g. MAMORI_BIN=build/release/mamori');
  mkdirSync(screenshotDir, { recursive: true });
  const workDir = mkdtempSync(join(tmpdir(), 'mamori-e2e-'));

  let server;
  const contexts = [];
  const close = async () => {
    for (const context of contexts.reverse()) await context.close();
    if (server) await stopServer(server.child);
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
    server = startServer(bin, workDir);
    const baseUrl = await server.url;
    const { page, problems, open } = await launch(baseUrl);
    return {
      baseUrl,
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

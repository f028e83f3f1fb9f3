// Drives Debian's Chromium against a real `mamori serve` (binary from MAMORI_BIN) and checks the web
// shell: language switch and persistence, client routes served through the index.html fallback, the
// 404 page, and that nothing was blocked by the server's Content-Security-Policy.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const screenshotDir = process.env.MAMORI_SCREENSHOT_DIR ?? join(repoRoot, 'build', 'screenshots');
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
function startServer(bin, databaseDir) {
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
      const match = /https?:\/\/[^\s]+/.exec(line);
      if (match) {
        clearTimeout(timer);
        resolveUrl(new URL(match[0]));
      }
    });
  });
  return { child, url };
}

async function stopServer(child) {
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

describe('web shell', () => {
  const bin = process.env.MAMORI_BIN;
  let workDir;
  let server;
  let baseUrl;
  let context;
  let page;
  const problems = [];

  const open = (path) => page.goto(new URL(path, baseUrl).href);
  const screenshot = (name) => page.screenshot({ path: join(screenshotDir, `${name}.png`), fullPage: true });
  const htmlLang = () => page.locator('html').getAttribute('lang');

  before(async () => {
    assert.ok(bin, 'MAMORI_BIN is not set: point it at the mamori binary, e.g. MAMORI_BIN=build/release/mamori');
    mkdirSync(screenshotDir, { recursive: true });
    workDir = mkdtempSync(join(tmpdir(), 'mamori-e2e-'));
    const profileDir = join(workDir, 'chromium-profile');
    mkdirSync(profileDir);

    server = startServer(bin, workDir);
    baseUrl = await server.url;

    context = await chromium.launchPersistentContext(profileDir, {
      executablePath: '/usr/bin/chromium',
      args: chromiumArgs,
      viewport: { width: 1280, height: 800 },
      locale: 'ja-JP',
    });
    page = context.pages()[0] ?? (await context.newPage());
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console error on ${page.url()}: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`uncaught exception on ${page.url()}: ${error.message}`));
  });

  after(async () => {
    await context?.close();
    if (server) await stopServer(server.child);
    if (workDir) rmSync(workDir, { recursive: true, force: true });
  });

  it('serves the shell in Japanese by default, under the Content-Security-Policy', async () => {
    const response = await open('/');
    assert.ok(response?.ok(), `GET / answered ${response?.status()}`);
    // Without the header the "no CSP violation" check below would prove nothing.
    assert.match(response.headers()['content-security-policy'] ?? '', /script-src 'self'/);
    assert.equal(await htmlLang(), 'ja');
    await page.getByRole('banner').getByText('守り', { exact: true }).waitFor();
    await page.getByRole('navigation').getByRole('link', { name: 'チェックリスト' }).waitFor();
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.getByTestId('version').waitFor();
    await screenshot('home-ja-desktop');
  });

  it('switches to English with the language buttons', async () => {
    const english = page.getByRole('button', { name: 'English' });
    assert.equal(await english.getAttribute('aria-pressed'), 'false');
    await english.click();
    await page.getByRole('navigation').getByRole('link', { name: 'Checklist' }).waitFor();
    assert.equal(await english.getAttribute('aria-pressed'), 'true');
    assert.equal(await htmlLang(), 'en');
    await screenshot('home-en-desktop');
  });

  it('keeps English after a reload', async () => {
    await page.reload();
    await page.getByRole('navigation').getByRole('link', { name: 'Checklist' }).waitFor();
    assert.equal(await htmlLang(), 'en');
  });

  it('navigates in the page and opens client routes directly', async () => {
    await page.getByRole('navigation').getByRole('link', { name: 'Statistics' }).click();
    await page.getByRole('heading', { level: 1, name: 'Statistics' }).waitFor();
    assert.equal(new URL(page.url()).pathname, '/statistics');

    const response = await open('/inspections');
    assert.ok(response?.ok(), `GET /inspections answered ${response?.status()}`);
    await page.getByRole('heading', { level: 1, name: 'Inspections' }).waitFor();
    await page.getByTestId('coming-soon').getByText('Coming soon').waitFor();
    const current = page.getByRole('navigation').getByRole('link', { name: 'Inspections' });
    assert.equal(await current.getAttribute('aria-current'), 'page');
    await screenshot('inspections-en-desktop');
  });

  it('shows a friendly 404 page for an unknown route', async () => {
    await open('/no/such/page');
    await page.getByTestId('not-found').waitFor();
    await page.getByRole('heading', { level: 1, name: 'Page not found' }).waitFor();
    await page.getByRole('button', { name: '日本語' }).click();
    await page.getByRole('heading', { level: 1, name: 'ページが見つかりません' }).waitFor();
    await screenshot('not-found-ja-desktop');
    await page.getByRole('main').getByRole('link', { name: 'ホームへ戻る' }).click();
    assert.equal(new URL(page.url()).pathname, '/');
  });

  it('fits a tablet and a phone', async () => {
    await page.setViewportSize({ width: 768, height: 1024 });
    await open('/');
    await page.getByRole('heading', { level: 1 }).waitFor();
    await screenshot('home-ja-tablet');
    await page.setViewportSize({ width: 375, height: 812 });
    await page.getByRole('heading', { level: 1 }).waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `page is ${overflow}px wider than a 375px phone screen`);
    await screenshot('home-ja-phone');
  });

  it('logged no console errors and no CSP violations', () => {
    assert.deepEqual(problems, []);
  });
});

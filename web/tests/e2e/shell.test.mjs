// Drives Debian's Chromium against a real `mamori serve` (binary from MAMORI_BIN) and checks the web
// shell: language switch and persistence, client routes served through the index.html fallback, the
// 404 page, and that nothing was blocked by the server's Content-Security-Policy.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startSession } from './support.mjs';

describe('web shell', () => {
  let session;
  let page;
  let problems;

  const open = (path) => session.open(path);
  const screenshot = (name) => session.screenshot(name);
  const htmlLang = () => page.locator('html').getAttribute('lang');

  before(async () => {
    session = await startSession();
    ({ page, problems } = session);
  });

  after(async () => {
    await session?.close();
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

// The inspection pages in English for the health-centre inspector (desktop and 390 px): every screenshot
// runs the page checks (axe-core, and Japanese names and checklist words marked lang="ja").
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { loginInPage, screenshotDir, startSession } from './support.mjs';

const pages = [
  ['list', '/inspections'],
  ['plan', '/inspections/plan'],
  ['visit', '/inspections/plan/visits/1'],
  ['record', '/inspections/visits/1/record'],
  ['package', '/inspections/visits/1/package'],
  ['requests', '/improvement-requests'],
  ['visit-requests', '/inspections/visits/1/requests'],
  ['summary', '/inspections/summary'],
  ['policy', '/inspections/policy'],
];

describe('the inspection pages in English', () => {
  let session;

  before(async () => {
    session = await startSession({ personas: true });
  });

  after(async () => {
    assert.deepEqual(session?.problems ?? [], []);
    await session?.close();
  });

  it('shows every page of the cycle in English, Japanese words marked as such', async () => {
    const { page, baseUrl } = session;
    await loginInPage(page, baseUrl, 'hokenjo@demo.example', 'hokenjo-demo-pass');
    await page.getByRole('button', { name: 'English' }).click();
    for (const [name, path] of pages) {
      await session.open(path);
      await page.locator('h1').first().waitFor();
      await page.waitForLoadState('networkidle');
      for (const width of [1280, 390]) {
        await page.setViewportSize({ width, height: 844 });
        await page.screenshot({ path: join(screenshotDir, `inspections-en-${name}-${width}.png`), fullPage: true });
      }
      await page.setViewportSize({ width: 1280, height: 800 });
    }
  });
});

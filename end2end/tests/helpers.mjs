// Shared by the browser tests: preference cookies, hydration, axe-core.
import { expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

export const MODES = [
  { name: 'fr plain', cookie: 'lang=fr' },
  { name: 'fr easy-read', cookie: 'lang=fr&easy=1' },
  { name: 'en plain', cookie: 'lang=en' },
  { name: 'en easy-read', cookie: 'lang=en&easy=1' },
];

export async function setPreferences(context, baseURL, value) {
  await context.addCookies([{ name: 'agora_prefs', value, url: baseURL }]);
}

/** Waits until the wasm bundle has hydrated the page. */
export async function waitForHydration(page) {
  await page.waitForFunction(() => document.documentElement.dataset.hydrated === 'true');
}

/** The demo council's path, its first finding's, its assemblies' and its assembly's, read
 * from the pages by following their links. */
export async function demoPaths(page) {
  await page.goto('/');
  const councilPath = await page.locator('.card h2 a').first().getAttribute('href');
  await page.goto(councilPath);
  const findingPath = await page.locator('.finding h4 a').first().getAttribute('href');
  const assembliesPath = await page.locator(`a[href="${councilPath}/assemblees"]`).getAttribute('href');
  await page.goto(assembliesPath);
  const assemblyPath = await page.locator('.card h2 a').first().getAttribute('href');
  return { councilPath, findingPath, assembliesPath, assemblyPath };
}

export async function expectNoAxeViolations(page, label) {
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  const summary = results.violations.map(
    (v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => `${n.target.join(' ')} (${n.failureSummary})`).join(', ')}`,
  );
  if (summary.length) {
    // What the page looked like, to tell a real violation from a stylesheet that did not apply.
    const state = await page.evaluate(() => ({
      href: location.href,
      ready: document.readyState,
      sheets: [...document.styleSheets].map((s) => { try { return `${s.href}:${s.cssRules.length}`; } catch (e) { return `${s.href}:ERR`; } }),
      minHeight: getComputedStyle(document.querySelector('.site-nav a')).minHeight,
      fontSize: getComputedStyle(document.body).fontSize,
      htmlClass: document.documentElement.className,
      entries: performance.getEntriesByType('resource').filter((e) => e.name.includes('.css')).map((e) => `${e.name} ${e.responseStatus} ${Math.round(e.duration)}ms`),
    }));
    // Seen rarely under load: the page's stylesheet not applied (see the issue 3 note).
    console.log('axe-core failed; page state:', JSON.stringify(state));
  }
  expect(summary, `axe-core violations on ${label}`).toEqual([]);
}

/** Presses Tab until `selector` has the focus; fails when it is not reachable. */
export async function tabTo(page, selector, maxPresses = 40) {
  for (let i = 0; i < maxPresses; i++) {
    await page.keyboard.press('Tab');
    if (await page.locator(selector).evaluate((el) => el === document.activeElement)) return;
  }
  throw new Error(`could not reach ${selector} with Tab`);
}

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

/** The demo council's path and the path of its first finding, read from the index. */
export async function demoPaths(page) {
  await page.goto('/');
  const councilPath = await page.locator('.card h2 a').first().getAttribute('href');
  await page.goto(councilPath);
  const findingPath = await page.locator('.finding h4 a').first().getAttribute('href');
  return { councilPath, findingPath };
}

export async function expectNoAxeViolations(page, label) {
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  const summary = results.violations.map(
    (v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
  expect(summary, `axe-core violations on ${label}`).toEqual([]);
}

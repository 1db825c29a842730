// A database that takes no writes (a full disk, a standby, a restart): the pages are still
// read, and a form posted without JavaScript is answered with a page that says nothing was
// saved, in the visitor's language and reading mode, with a way back to the form.
import { test, expect } from './fixtures.mjs';
import { MODES, expectNoAxeViolations, setPreferences } from './helpers.mjs';

const READ_ONLY = `http://localhost:${Number(process.env.E2E_AGORA_PORT || '3100') + 2}`;

const WORDS = {
  'fr plain': ['Enregistrement impossible pour le moment', "Rien n'a été enregistré", 'Revenir à la page'],
  'fr easy-read': ["Agora n'enregistre pas pour l'instant", "Rien n'est enregistré", 'Revenir en arrière'],
  'en plain': ['Saving is not possible right now', 'Nothing was saved', 'Back to the page'],
  'en easy-read': ['Agora cannot save for now', 'Nothing is saved', 'Go back'],
};

/** Posts a testimony from its form as a browser without JavaScript does (with scripts on,
 * the form's own `submit()`, which no script sees); returns the answer's status. */
async function postTestimony(page, councilPath) {
  // A new participant each time: one may post only three testimonies an hour.
  await page.context().clearCookies({ name: 'agora_participant' });
  await page.goto(`${councilPath}/temoignages/nouveau`);
  await page.locator('#testimony-happened').fill("J'ai attendu six mois un rendez-vous.");
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.url().endsWith('/api/post_testimony')),
    page.locator('form.testimony-form').evaluate((form) => form.submit()).catch(() =>
      page.locator('form.testimony-form button[type="submit"]').click()),
  ]);
  await page.waitForURL('**/api/post_testimony');
  await page.waitForLoadState('load');
  return response.status();
}

test('with a database that takes no writes, pages are read and a form is told nothing was saved', async ({ browser }) => {
  const context = await browser.newContext({ baseURL: READ_ONLY, javaScriptEnabled: false });
  const page = await context.newPage();
  // axe-core runs as a script: the same page, posted the same way, in a browser with scripts.
  const scripted = await browser.newContext({ baseURL: READ_ONLY });
  const audited = await scripted.newPage();
  await page.goto('/');
  const councilPath = await page.locator('.card h2 a').first().getAttribute('href');
  // Reading goes on.
  for (const path of [councilPath, `${councilPath}/assemblees`, `${councilPath}/temoignages`]) {
    const response = await page.goto(path);
    expect(response.status(), path).toBe(200);
    await expect(page.locator('h1')).toBeVisible();
  }
  for (const mode of MODES) {
    await setPreferences(context, READ_ONLY, mode.cookie);
    expect(await postTestimony(page, councilPath), mode.name).toBe(503);
    const [title, reason, back] = WORDS[mode.name];
    await expect(page.locator('h1')).toHaveText(title);
    await expect(page.locator('main p').first()).toContainText(reason);
    await setPreferences(scripted, READ_ONLY, mode.cookie);
    expect(await postTestimony(audited, councilPath), mode.name).toBe(503);
    await expect(audited.locator('h1')).toHaveText(title);
    await expectNoAxeViolations(audited, `unavailable page (${mode.name})`);
    // The way back, by keyboard: the link is the page's first stop after the heading.
    const link = page.locator('main a');
    await expect(link).toHaveText(back);
    await link.focus();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(`${READ_ONLY}${councilPath}/temoignages/nouveau`);
  }
  await setPreferences(context, READ_ONLY, 'lang=fr');
  for (const [width, height] of [[390, 844], [1280, 800], [1920, 1080]]) {
    await page.setViewportSize({ width, height });
    await postTestimony(page, councilPath);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, `sideways scroll at ${width}`).toBeLessThanOrEqual(0);
    await page.screenshot({ path: `test-results/unavailable-${width}.png`, fullPage: true });
  }
  await context.close();
  await scripted.close();
});

// The council's roadmap: a coordinator writes an action by keyboard (a refusal first,
// beside its field), gives its news and moves it under way; everyone reads the roadmap
// grouped three ways — in the four modes, at three sizes, printed, and without JavaScript.
import { budget, expect, test } from './fixtures.mjs';
import { MODES, expectNoAxeViolations, setPreferences, tabTo } from './helpers.mjs';
import { signUp } from './staff-helpers.mjs';

const COUNCIL = '/clsm-val-de-lisandre';
const ROADMAP = `${COUNCIL}/feuille-de-route`;

test('a coordinator writes an action by keyboard and gives its news', async ({ page, baseURL }) => {
  test.setTimeout(budget(90_000));
  await signUp(page, baseURL, 'Rita Route');
  await page.goto(ROADMAP);
  await expect(page.locator('h1')).toContainText('Feuille de route');
  await tabTo(page, `a[href="${ROADMAP}/nouvelle"]`, 80);
  await page.keyboard.press('Enter');
  await expect(page.locator('h1')).toContainText('Nouvelle action');

  const title = `Un café-rencontre des aidants ${Date.now()}`;
  await tabTo(page, '#action-title', 60);
  await page.keyboard.type(title);
  await tabTo(page, '#action-summary', 10);
  await page.keyboard.type('Un café un jeudi par mois pour les proches, animé par l\'UNAFAM.');
  await tabTo(page, '#action-summary-easy', 10);
  await page.keyboard.type('Un café pour les proches, une fois par mois.');
  await tabTo(page, '#action-priority', 10);
  await page.keyboard.press('ArrowDown');
  await tabTo(page, '#action-lead', 10);
  await page.keyboard.type('UNAFAM');
  // A budget in words: refused beside it, what was typed kept.
  await tabTo(page, '#action-budget', 10);
  await page.keyboard.type('deux mille');
  await page.keyboard.press('Enter');
  await expect(page.locator('#action-budget-error')).toContainText('Le budget doit être un nombre entier');
  await expect(page.locator('#action-title')).toHaveValue(title);
  await expect(page.locator('#action-priority')).not.toHaveValue('');
  await expectNoAxeViolations(page, 'action form refused');
  // The refused field has the focus: typed again.
  await expect(page.locator('#action-budget')).toBeFocused();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type('2 400 €');
  await tabTo(page, 'form[action$="save_action"] button[type="submit"]:not([name])', 30);
  await page.keyboard.press('Enter');
  await expect(page.locator('main [role="status"]').first()).toContainText('Action enregistrée');
  await expect(page.locator('h1')).toContainText(title);
  await expect(page.locator('main')).toContainText('2\u202f400 €');
  await expect(page.locator('main p .action-status').first()).toHaveText('Prévue');

  // Its news, under way, by keyboard.
  await tabTo(page, '#update-text', 120);
  await page.keyboard.type('Le premier café a réuni douze proches.');
  await tabTo(page, '#update-status', 10);
  await page.keyboard.press('ArrowDown');
  await expect(page.locator('#update-status')).toHaveValue('under-way');
  await tabTo(page, 'form[action$="add_action_update"] button[type="submit"]', 10);
  await page.keyboard.press('Enter');
  await expect(page.locator('main [role="status"]').first()).toContainText('Nouvelle publiée.');
  await expect(page.locator('.action-updates > li').first()).toContainText('Le premier café a réuni douze proches.');
  await expect(page.locator('main p .action-status').first()).toHaveText('En cours');

  // On the roadmap, by status: under "En cours".
  await page.goto(`${ROADMAP}?par=statut`);
  await expect(page.locator('#etat-under-way')).toContainText(title);
  await expect(page.locator('.roadmap-group:not(#etat-under-way)', { hasText: title })).toHaveCount(0);
});

test('the roadmap, an action and its form in the four modes', async ({ page, context, baseURL }) => {
  test.setTimeout(budget(120_000));
  await signUp(page, baseURL, 'Rosa Route');
  await page.goto(ROADMAP);
  const action = await page.locator('.roadmap-action h3 a').first().getAttribute('href');
  const pages = [
    ROADMAP,
    `${ROADMAP}?par=statut`,
    `${ROADMAP}?par=objectif`,
    action,
    `${ROADMAP}/nouvelle`,
  ];
  for (const mode of MODES) {
    await setPreferences(context, baseURL, mode.cookie);
    for (const path of pages) {
      await page.goto(path);
      await expect(page.locator('h1')).toBeVisible();
      await expectNoAxeViolations(page, `${path} (${mode.name})`);
    }
  }
});

test('the roadmap at three sizes, and printed', async ({ page, context, baseURL }) => {
  test.setTimeout(budget(60_000));
  await setPreferences(context, baseURL, 'lang=fr');
  for (const [width, height] of [[390, 844], [1280, 800], [1920, 1080]]) {
    await page.setViewportSize({ width, height });
    await page.goto(ROADMAP);
    await expect(page.locator('.roadmap-action').first()).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, `sideways scroll at ${width}`).toBeLessThanOrEqual(0);
    await page.screenshot({ path: test.info().outputPath(`roadmap-${width}.png`), fullPage: true });
    const action = await page.locator('.roadmap-action h3 a').first().getAttribute('href');
    await page.goto(action);
    await page.screenshot({ path: test.info().outputPath(`action-${width}.png`), fullPage: true });
  }
  // Printed: the grouping chosen is said in words; menus, links to regroup and buttons
  // are left out.
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(`${ROADMAP}?par=statut`);
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('nav.roadmap-grouping')).toBeHidden();
  await expect(page.locator('.site-header')).toBeHidden();
  await expect(page.locator('p.print-only')).toBeVisible();
  await expect(page.locator('p.print-only')).toHaveText('Par état');
  const pdf = await page.pdf({ format: 'A4' });
  expect(pdf.length).toBeGreaterThan(1000);
  await page.emulateMedia({ media: 'screen' });
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the council leads to the roadmap, regrouped by plain links, and to an action', async ({ page }) => {
    await page.goto(COUNCIL);
    await page.locator(`a[href="${ROADMAP}"]`).click();
    await expect(page.locator('h1')).toContainText('Feuille de route');
    await page.locator('nav.roadmap-grouping a', { hasText: 'Par objectif' }).click();
    await expect(page).toHaveURL(/par=objectif/);
    await expect(page.locator('nav.roadmap-grouping a[aria-current="page"]')).toHaveText('Par objectif');
    await page.locator('nav.roadmap-grouping a', { hasText: 'Par priorité' }).click();
    const first = page.locator('.roadmap-action h3 a').first();
    const title = await first.textContent();
    await first.click();
    await expect(page.locator('h1')).toHaveText(title);
    await expect(page.locator('#suivi')).toContainText('Le suivi de l\'action');
  });
});

// What a vote became: after the autumn consultation (closed), a coordinator adds an adopted
// priority by keyboard (a refusal first, beside its field), moves it up, and everyone reads
// the page beside the vote's first places — with and without JavaScript, in the four modes,
// on a phone, a laptop and a projector.
import { budget, expect, test } from './fixtures.mjs';
import { MODES, expectNoAxeViolations, setPreferences, tabTo } from './helpers.mjs';
import { signUp } from './staff-helpers.mjs';

const COUNCIL = '/clsm-val-de-lisandre';

async function outcomePath(page) {
  await page.goto(`${COUNCIL}/votes`);
  const card = page.locator('li.card', { hasText: "Consultation d'automne" });
  return card.locator('a', { hasText: 'Ce que ce vote est devenu' }).getAttribute('href');
}

test('a coordinator adds an adopted priority by keyboard, and moves it up', async ({ page, baseURL }) => {
  test.setTimeout(budget(90_000));
  await signUp(page, baseURL, 'Paula Pilote');
  const path = await outcomePath(page);
  expect(path).toMatch(/\/votes\/\d+\/suites$/);
  await page.goto(path);
  await expect(page.locator('h1')).toContainText('Ce que votre vote est devenu');
  // The demo's steering committee already adopted two.
  const adopted = page.locator('ol.priorities > li');
  const before = await adopted.count();
  expect(before).toBeGreaterThanOrEqual(2);

  await tabTo(page, '#priority-title', 120);
  await page.keyboard.type('Former les agents d\'accueil des mairies');
  await tabTo(page, '#priority-reason', 5);
  await page.keyboard.type('Les habitantes et habitants disent ne pas savoir à qui parler en mairie.');
  // No finding ticked: refused beside the list, what was typed kept.
  await tabTo(page, '#priority-decided-by', 20);
  await page.keyboard.type('Comité de pilotage');
  await page.keyboard.press('Enter');
  await expect(page.locator('#priority-findings-error')).toContainText('Cochez au moins un constat du vote.');
  await expect(page.locator('#priority-title')).toHaveValue('Former les agents d\'accueil des mairies');
  await expectNoAxeViolations(page, 'priority form refused');
  // A finding ticked with the space bar, then sent.
  const box = await page.locator('input[id^="priority-finding-"]').first().getAttribute('id');
  await tabTo(page, `#${box}`, 30);
  await page.keyboard.press('Space');
  await tabTo(page, 'form[action$="adopt_priority"] button[type="submit"]', 20);
  await page.keyboard.press('Enter');
  await expect(page.locator('main [role="status"]').first()).toContainText('Priorité ajoutée.');
  await expect(adopted).toHaveCount(before + 1);
  const added = adopted.last();
  await expect(added).toContainText("Former les agents d'accueil des mairies");
  await expect(added).toContainText('Décidée par Comité de pilotage');

  // Moved up one place, by keyboard.
  await tabTo(page, `ol.priorities > li:nth-child(${before + 1}) button:text-is("Monter « Former les agents d'accueil des mairies »")`, 200);
  await page.keyboard.press('Enter');
  await expect(page.locator('main [role="status"]').first()).toContainText('Ordre des priorités changé.');
  await expect(adopted.nth(before - 1)).toContainText("Former les agents d'accueil des mairies");

  // Taken away again, so the demo stays as it was for the other tests.
  await page.locator('button', { hasText: "Retirer « Former les agents d'accueil des mairies »" }).click();
  await expect(page.locator('main [role="status"]').first()).toContainText('Priorité retirée.');
  await expect(adopted).toHaveCount(before);
});

test('what the vote became, in the four modes and at three sizes', async ({ page, context, baseURL }) => {
  test.setTimeout(budget(90_000));
  const path = await outcomePath(page);
  for (const mode of MODES) {
    await setPreferences(context, baseURL, mode.cookie);
    await page.goto(path);
    await expect(page.locator('ol.priorities > li').first()).toBeVisible();
    await expectNoAxeViolations(page, `${path} (${mode.name})`);
  }
  await setPreferences(context, baseURL, 'lang=fr');
  for (const [width, height] of [[390, 844], [1280, 800], [1920, 1080]]) {
    await page.setViewportSize({ width, height });
    await page.goto(path);
    // Nothing wider than the screen: no word pushed off it, no sideways scroll.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, `sideways scroll at ${width}`).toBeLessThanOrEqual(0);
    await page.screenshot({ path: test.info().outputPath(`outcome-${width}.png`), fullPage: true });
  }
  // The council's home says what was decided and leads to this page.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(COUNCIL);
  const decided = page.locator('section[aria-labelledby="decided-title"]');
  await expect(decided.locator('ol > li').first()).toBeVisible();
  await expect(decided.locator(`a[href="${path}"]`)).toBeVisible();
  await decided.scrollIntoViewIfNeeded();
  await page.screenshot({ path: test.info().outputPath('council-decided-390.png') });
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the page reads the same, and the vote leads to it', async ({ page }) => {
    const path = await outcomePath(page);
    await page.goto(path.replace(/\/suites$/, ''));
    await page.locator(`a[href="${path}"]`).click();
    await expect(page.locator('h1')).toContainText('Ce que votre vote est devenu');
    await expect(page.locator('ol.priorities > li').first()).toContainText('Décidée par Comité de pilotage');
    await expect(page.locator('table.standing caption')).toContainText('Les premières places du vote');
  });
});

// The guide of local resources as people meet it: reached from the crisis strip, searched by
// keyboard without JavaScript, axe-clean in the four modes; a coordinator adds a place by
// keyboard, a refusal first.
import { test, expect } from './fixtures.mjs';
import { MODES, expectNoAxeViolations, setPreferences, tabTo } from './helpers.mjs';
import { signUp } from './staff-helpers.mjs';

const COUNCIL = '/clsm-val-de-lisandre';

for (const mode of MODES) {
  test(`the guide and its form are axe-clean: ${mode.name}`, async ({ page, context, baseURL }) => {
    await setPreferences(context, baseURL, mode.cookie);
    await page.goto(`${COUNCIL}/ressources`);
    await expect(page.locator('.resource')).toHaveCount(4);
    await expectNoAxeViolations(page, `guide (${mode.name})`);
    await page.goto(`${COUNCIL}/ressources?q=zzz`);
    await expectNoAxeViolations(page, `guide, nothing found (${mode.name})`);
  });
}

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('from the crisis strip to a place found by keyboard', async ({ page }) => {
    await page.goto(COUNCIL);
    await tabTo(page, `.crisis-full a[href="${COUNCIL}/ressources"]`, 20);
    await page.keyboard.press('Enter');
    await expect(page.locator('h1')).toContainText('Aide près de chez vous');
    await tabTo(page, '#resources-q', 30);
    await page.keyboard.type('gem');
    await page.keyboard.press('Enter');
    await expect(page.locator('main [role="status"]')).toContainText('Un lieu correspond à « gem »');
    await expect(page.locator('.resource')).toHaveCount(1);
    await expect(page.locator('.resource a[href^="tel:"]')).toHaveText('03 21 00 20 20');
  });
});

test('a coordinator adds a place by keyboard, a refusal first', async ({ page, baseURL, context }) => {
  await signUp(page, baseURL, 'Rita Ressources');
  await setPreferences(context, baseURL, 'lang=fr');
  await page.goto(`${COUNCIL}/ressources`);
  await tabTo(page, `a[href="${COUNCIL}/ressources/nouvelle"]`, 40);
  await page.keyboard.press('Enter');
  await expect(page.locator('h1')).toContainText('Ajouter un lieu au guide');
  await expectNoAxeViolations(page, 'resource form');
  await tabTo(page, '#resource-name', 20);
  await page.keyboard.type('Point écoute jeunes');
  await tabTo(page, '#resource-phone', 20);
  await page.keyboard.type('le standard');
  await page.keyboard.press('Enter');
  await expect(page.locator('#resource-phone')).toBeFocused();
  await expect(page.locator('#resource-phone-error')).toContainText('Un numéro de téléphone');
  await page.keyboard.press('Control+A');
  await page.keyboard.type('03 21 00 40 40');
  await page.keyboard.press('Enter');
  await expect(page.locator('main [role="status"]').first()).toContainText('Lieu enregistré');
  await expect(page.locator('.resource', { hasText: 'Point écoute jeunes' })).toBeVisible();
});

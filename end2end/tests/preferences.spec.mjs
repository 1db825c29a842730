// The preference control: works by keyboard alone, applies without a reload once hydrated,
// and works as a plain form post without JavaScript.
import { expect, test } from './fixtures.mjs';
import { tabTo, waitForHydration } from './helpers.mjs';

/** Presses Tab until the element matching `selector` has the focus. */
test('the first Tab reaches the skip link, which moves focus to the content', async ({ page }) => {
  await page.goto('/');
  await page.keyboard.press('Tab');
  await expect(page.locator('.skip-link')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#contenu$/);
});

test('hydrated: display settings chosen by keyboard apply at once, without a reload', async ({ page }) => {
  await page.goto('/');
  await waitForHydration(page);
  await page.evaluate(() => { window.__sameDocument = true; });

  await tabTo(page, 'details.prefs > summary');
  await page.keyboard.press('Enter');
  await tabTo(page, 'input[name="text"][value="normal"]');
  await page.keyboard.press('ArrowDown'); // radio group: arrows move to "large"
  await expect(page.locator('input[name="text"][value="large"]')).toBeChecked();
  await tabTo(page, 'input[name="contrast"]');
  await page.keyboard.press('Space');
  await tabTo(page, '.prefs-form button[type="submit"]');
  await page.keyboard.press('Enter');

  await expect(page.locator('[aria-live] .notice')).toHaveText('Vos préférences sont enregistrées.');
  await expect(page.locator('html')).toHaveClass('text-large contrast-high');
  expect(await page.evaluate(() => window.__sameDocument)).toBe(true);

  // The cookie was set: a fresh load is rendered that way by the server.
  await page.reload();
  await expect(page.locator('html')).toHaveClass('text-large contrast-high');
  await expect(page.locator('input[name="contrast"]')).toBeChecked();
});

test('hydrated: switching to English and easy-read by keyboard renders the same page again', async ({ page }) => {
  await page.goto('/a-propos');
  await waitForHydration(page);
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');

  await tabTo(page, 'details.prefs > summary');
  await page.keyboard.press('Enter');
  await tabTo(page, 'input[name="lang"][value="fr"]');
  await page.keyboard.press('ArrowDown'); // radio group: arrows move to English
  await expect(page.locator('input[name="lang"][value="en"]')).toBeChecked();
  await tabTo(page, 'input[name="easy"]');
  await page.keyboard.press('Space');
  await tabTo(page, '.prefs-form button[type="submit"]');
  await page.keyboard.press('Enter');

  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page).toHaveURL(/\/a-propos$/);
  await expect(page.locator('html')).toHaveClass(/easy-read/);
  await expect(page.locator('h1')).toContainText('What is Agora?');
  await expect(page.locator('h1 img.picto')).toBeVisible();
  await expect(page.locator('input[name="lang"][value="en"]')).toBeChecked();
  await expect(page.locator('input[name="easy"]')).toBeChecked();
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the preference form posts, sets the cookie and comes back to the same page', async ({ page }) => {
    await page.goto('/a-propos');
    await tabTo(page, 'details.prefs > summary');
    await page.keyboard.press('Enter');
    await tabTo(page, 'input[name="text"][value="normal"]');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await tabTo(page, 'input[name="contrast"]');
    await page.keyboard.press('Space');
    await tabTo(page, '.prefs-form button[type="submit"]');
    await Promise.all([page.waitForURL('**/a-propos'), page.keyboard.press('Enter')]);
    await expect(page.locator('html')).toHaveClass('text-larger contrast-high');
    await expect(page.locator('input[name="text"][value="larger"]')).toBeChecked();
    await expect(page.locator('input[name="contrast"]')).toBeChecked();
  });
});

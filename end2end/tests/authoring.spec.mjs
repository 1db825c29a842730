// Author support: the readability of a text with an easy-read twin is shown under its field
// while it is being typed (the "check readability" button does the same without JavaScript).
import { expect, test } from './fixtures.mjs';
import { expectNoAxeViolations } from './helpers.mjs';
import { signUp } from './staff-helpers.mjs';

test('the readability of an agenda summary follows the typing, as part of the field description', async ({ page, baseURL }) => {
  await signUp(page, baseURL, 'Élise Lisible');
  await page.goto('/clsm-val-de-lisandre/assemblees/1/preparer');
  const summary = page.locator('#new-item-summary');
  const said = page.locator('#new-item-summary-readability');
  await expect(said).toBeHidden();

  await summary.focus();
  await page.keyboard.type("Présentation des principales difficultés rencontrées par les professionnels de l'accompagnement médico-social dans la coordination des parcours.");
  await expect(said).toBeVisible();
  await expect(said).toContainText('Difficile à lire');
  await expect(summary).toHaveAccessibleDescription(/Difficile à lire/);
  // Not a live region: a screen reader is not interrupted at each pause in the typing.
  expect(await said.evaluate((el) => !!el.closest('[aria-live], [role="status"], [role="alert"], output'))).toBe(false);

  const easy = page.locator('#new-item-summary-easy');
  await easy.focus();
  await page.keyboard.type('On parle des soins. Vous pouvez poser vos questions.');
  await expect(page.locator('#new-item-summary-easy-readability')).toContainText('Facile à lire');
  await expectNoAxeViolations(page);

  // Emptied: nothing left to measure, the line goes.
  await summary.fill('');
  await summary.press('Space');
  await summary.press('Backspace');
  await expect(said).toBeHidden();
});

// A room to follow: an assembly opened live by a facilitator, questions asked and approved.
import { expect } from './fixtures.mjs';

/** Creates, publishes and opens an assembly; returns its participants' page path. */
export async function openAssembly(page, title) {
  await page.goto('/clsm-val-de-lisandre/assemblees');
  await page.fill('#new-title', title);
  await page.fill('#new-starts-at', '2027-11-18T18:30');
  await page.fill('#new-place', 'Salle des fêtes');
  await page.click('form[action="/api/create_assembly"] button[type="submit"]');
  await expect(page).toHaveURL(/\/preparer$/);
  await page.click('form[action="/api/publish_assembly"] button');
  await expect(page.locator('main [role="status"]')).toContainText('publiée');
  await page.click('form[action="/api/change_live_state"] button');
  await expect(page.locator('main [role="status"]')).toContainText('Le direct est ouvert');
  return new URL(page.url()).pathname.replace(/\/preparer$/, '/direct');
}

export async function ask(page, livePath, body) {
  await page.goto(livePath);
  await page.fill('#ask-body', body);
  await page.click('form[action="/api/ask_question"] button[type="submit"]');
  await expect(page.locator('main [role="status"]').first()).toContainText('Merci');
}

/** Goes to `path`; the console draws itself anew when its room moves (`LiveReload`), and
 *  a navigation of ours that crosses one of its reloads is aborted: then it goes again. */
async function goSettled(page, path) {
  for (let attempt = 1; ; attempt++) {
    try {
      await page.goto(path);
      return;
    } catch (error) {
      if (attempt >= 3 || !String(error).includes('ERR_ABORTED')) throw error;
    }
  }
}

export async function approve(page, consolePath, body) {
  // Already on the console, the question arrives by itself (the page redraws itself).
  if (new URL(page.url()).pathname !== consolePath) await goSettled(page, consolePath);
  const button = page
    .locator('#queue-title + ol > li', { hasText: body })
    .locator('form:has(input[value="approve"]) button');
  await expect(button).toBeVisible();
  await button.click();
  await expect(page.locator('main [role="status"]').first()).toContainText("C'est fait.");
}

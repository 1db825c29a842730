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

export async function approve(page, consolePath, body) {
  await page.goto(consolePath);
  await page
    .locator('#queue-title + ol > li', { hasText: body })
    .locator('form:has(input[value="approve"]) button')
    .click();
  await expect(page.locator('main [role="status"]').first()).toContainText("C'est fait.");
}

// Written answers: a facilitator answers a question in writing from the console, by
// keyboard; the participants' page shows it in place (its easy-read version to easy-read
// readers), and the assembly's page keeps the questions and answers after the session.
import { expect, test } from './fixtures.mjs';
import { expectNoAxeViolations, setPreferences, tabTo, waitForHydration } from './helpers.mjs';
import { approve, ask, openAssembly } from './live-helpers.mjs';
import { signUp } from './staff-helpers.mjs';

const QUESTION = 'Où trouver de l’aide la nuit, près de chez moi ?';
const ANSWER = 'Le 3114 répond jour et nuit. Le CMP reçoit sans rendez-vous le mardi matin.';
const EASY = 'Appelez le 3114. Il répond la nuit.';

test('a written answer reaches the live page in place and stays on the assembly page', async ({ page, baseURL, browser }) => {
  await signUp(page, baseURL, 'Rose Réponse');
  const livePath = await openAssembly(page, 'Plénière des réponses écrites');
  const consolePath = livePath.replace(/\/direct$/, '/animation');
  const assemblyPath = livePath.replace(/\/direct$/, '');

  const askerContext = await browser.newContext();
  const asker = await askerContext.newPage();
  await ask(asker, livePath, QUESTION);
  await approve(page, consolePath, 'aide la nuit');

  const easyContext = await browser.newContext();
  await setPreferences(easyContext, baseURL, 'lang=fr&easy=1');
  const easyReader = await easyContext.newPage();
  for (const watcher of [asker, easyReader]) {
    await watcher.goto(livePath);
    await waitForHydration(watcher);
    await watcher.evaluate(() => { window.agoraNotReloaded = true; });
  }

  // The console's disclosure, by keyboard: open, write, save.
  await page.goto(consolePath);
  await tabTo(page, 'details.answer-form > summary', 80);
  await expect(page.locator('details.answer-form > summary')).toHaveText('Répondre par écrit');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Tab');
  await expect(page.locator('textarea[name="answer"]')).toBeFocused();
  await page.keyboard.type(ANSWER);
  await page.keyboard.press('Tab');
  await expect(page.locator('textarea[name="answer_easy"]')).toBeFocused();
  await page.keyboard.type(EASY);
  await expectNoAxeViolations(page, 'console with the answer form open');
  await page.keyboard.press('Tab');
  await expect(page.locator('details.answer-form button[type="submit"]')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('main [role="status"]').first()).toContainText("C'est fait.");
  await expect(page.locator('details.answer-form > summary')).toHaveText('Modifier la réponse écrite');

  // In place on the live pages: the answer, or its easy-read version.
  const item = (p) => p.locator('ol.questions > li', { hasText: 'aide la nuit' });
  await expect(item(asker).locator('.answer-label')).toHaveText("Réponse de l'équipe :");
  await expect(item(asker).locator('.answer-body')).toHaveText(ANSWER);
  await expect(item(easyReader).locator('.answer-label')).toHaveText('Réponse :');
  await expect(item(easyReader).locator('.answer-body')).toHaveText(EASY);
  await expect(item(asker).locator('.tag')).toContainText('Répondue');
  for (const watcher of [asker, easyReader]) {
    expect(await watcher.evaluate(() => window.agoraNotReloaded === true)).toBe(true);
  }
  await expectNoAxeViolations(asker, 'live page with a written answer');
  await expectNoAxeViolations(easyReader, 'live page with a written answer, easy-read');

  // After the session the assembly's page keeps it, without the asker's name, with files.
  await page.goto(`${assemblyPath}/preparer`);
  await page.click('form[action="/api/change_live_state"] button');
  await expect(page.locator('main [role="status"]')).toContainText('Le direct est clos.');
  await page.goto(assemblyPath);
  const record = page.locator('section[aria-labelledby="record-title"]');
  await expect(record.locator('h2')).toHaveText('Les questions de la salle');
  await expect(record).toContainText(QUESTION);
  await expect(record.locator('.answer-body')).toHaveText(ANSWER);
  await expect(record.locator('a[href^="/api/assembly_questions_csv"]')).toBeVisible();
  await expectNoAxeViolations(page, 'assembly page with its questions and answers');
  const download = page.waitForEvent('download');
  await record.locator('a[href^="/api/assembly_questions_csv"]').click();
  const csv = await (await download).path();
  const text = (await import('node:fs')).readFileSync(csv, 'utf8');
  expect(text).toContain(ANSWER);
  await askerContext.close();
  await easyContext.close();
});

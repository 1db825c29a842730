// Surveys end to end: the demo survey answered by keyboard alone, without JavaScript and
// with it in easy-read; the browser's own check of required answers before anything is
// sent; axe-core on the survey, its thank-you page and a closed survey's results in four modes.
import { budget, expect, test } from './fixtures.mjs';
import { MODES, expectNoAxeViolations, setPreferences, tabTo } from './helpers.mjs';
import { signUp } from './staff-helpers.mjs';

const COUNCIL = '/clsm-val-de-lisandre';

/** The demo survey's address, found on the council's page. */
async function demoSurvey(page) {
  await page.goto(COUNCIL);
  const href = await page.locator('a[href*="/questionnaires/"]').first().getAttribute('href');
  await page.goto(href);
  return href;
}

/** The id of the first control of the n-th question (0-based). */
async function firstControl(page, n) {
  const id = await page.locator('.survey .question').nth(n).locator('input, textarea, select').first().getAttribute('id');
  return `#${id}`;
}

/** Answers the demo survey by keyboard: the required choice, one place, the scale, a text. */
async function answerByKeyboard(page) {
  await tabTo(page, await firstControl(page, 2), 60);
  await page.keyboard.press('Space');
  await tabTo(page, await firstControl(page, 3), 20);
  await page.keyboard.press('Space');
  const scale = await firstControl(page, 4);
  await tabTo(page, scale, 20);
  // Arrows move through a radio group and choose: 1 → 4.
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(page.locator(scale.replace(/-\d+$/, '-4'))).toBeChecked();
  await tabTo(page, await firstControl(page, 7), 30);
  await page.keyboard.type('Des permanences le soir.');
  await tabTo(page, 'form.survey button[type="submit"]', 10);
  await page.keyboard.press('Enter');
}

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the browser stops a survey with a required answer missing, and sends it once complete', async ({ page }) => {
    const href = await demoSurvey(page);
    await tabTo(page, 'form.survey button[type="submit"]', 80);
    await page.keyboard.press('Enter');
    // Nothing sent: still the form, the first required question focused by the browser.
    await expect(page).toHaveURL(new RegExp(`${href}$`));
    await expect(page.locator('form.survey')).toBeVisible();
    await expect(page.locator('.survey .question').nth(2).locator('input').first()).toBeFocused();
    await answerByKeyboard(page);
    await expect(page.locator('.receipt')).toContainText('Merci, vos réponses sont envoyées');
    await expect(page.locator('form.survey')).toHaveCount(0);
  });
});

test('a respondent answers by keyboard in easy-read with JavaScript on', async ({ page, baseURL, context }) => {
  await setPreferences(context, baseURL, 'lang=fr&easy=1');
  await demoSurvey(page);
  await expect(page.locator('.scale-question .choice img.picto')).toHaveCount(5);
  await expect(page.locator('h1')).toContainText('Comment allez-vous ?');
  await answerByKeyboard(page);
  await expect(page.locator('.receipt')).toContainText('Merci ! C\'est envoyé.');
  await expectNoAxeViolations(page, 'survey thank-you page, easy-read');
});

/** The id (as a selector) of the n-th question's step (0-based). */
async function step(page, n) {
  return `#${await page.locator('.survey .question').nth(n).getAttribute('id')}`;
}

/** From the step shown, follows its "next" link by keyboard (the last link of its nav). */
async function nextStep(page, from) {
  await tabTo(page, `${from} .survey-step-nav a:last-child`, 30);
  await page.keyboard.press('Enter');
}

// One question at a time, chosen by the respondent: styles and #fragments only, so the same
// with and without JavaScript; nothing reaches the server before the final send.
for (const javaScriptEnabled of [false, true]) {
  test.describe(`one question at a time, JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, () => {
    test.use({ javaScriptEnabled });

    test('a respondent goes question by question by keyboard, reviews, then sends', async ({ page }) => {
      await demoSurvey(page);
      const questions = page.locator('.survey .question');
      await expect(questions).toHaveCount(8);
      const submit = page.locator('form.survey button[type="submit"]');
      await tabTo(page, '#survey-one-by-one', 40);
      await page.keyboard.press('Space');
      await expect(page.locator('#survey-one-by-one')).toBeChecked();
      // From here on, nothing leaves the browser until the send button.
      const sent = [];
      page.on('request', (request) => {
        if (request.method() !== 'GET' || request.resourceType() === 'document') sent.push(request.url());
      });
      await expect(questions.nth(0)).toBeVisible();
      for (let n = 1; n < 8; n++) await expect(questions.nth(n)).toBeHidden();
      await expect(submit).toBeHidden();
      // axe runs its script in the page: with JavaScript on only (the markup is the same).
      if (javaScriptEnabled) await expectNoAxeViolations(page, 'survey, one question at a time');

      // Forward to the second question, back to the first, forward again.
      const first = await step(page, 0);
      await nextStep(page, first);
      const second = await step(page, 1);
      await expect(page).toHaveURL(new RegExp(`${second}$`));
      await expect(questions.nth(1)).toBeVisible();
      await expect(questions.nth(0)).toBeHidden();
      await expect(page.locator(second)).toBeFocused();
      await expect(questions.nth(1)).toContainText('Question 2 sur 8');
      await tabTo(page, `${second} .survey-step-nav a:first-child`, 30);
      await page.keyboard.press('Enter');
      await expect(questions.nth(0)).toBeVisible();
      await expect(questions.nth(1)).toBeHidden();
      await nextStep(page, first);

      // The required choice (third) and the scale (fifth); the rest passed over.
      await nextStep(page, second);
      const third = await step(page, 2);
      await tabTo(page, await firstControl(page, 2), 30);
      await page.keyboard.press('Space');
      await nextStep(page, third);
      await nextStep(page, await step(page, 3));
      const fifth = await step(page, 4);
      await tabTo(page, await firstControl(page, 4), 30);
      await page.keyboard.press('ArrowRight');
      for (let n = 4; n < 7; n++) await nextStep(page, await step(page, n));
      const last = await step(page, 7);
      await expect(page.locator(last)).toBeVisible();
      await expect(page.locator(`${last} .survey-step-nav a:last-child`)).toContainText('Relire mes réponses');

      // The review: every answer shown again, the send button at the bottom.
      await nextStep(page, last);
      await expect(page).toHaveURL(/#relire$/);
      await expect(page.locator('#relire')).toBeVisible();
      await expect(page.locator('#relire')).toBeFocused();
      for (let n = 0; n < 8; n++) await expect(questions.nth(n)).toBeVisible();
      await expect(page.locator('.survey-step-nav').first()).toBeHidden();
      await expect(page.locator(`${third} input`).first()).toBeChecked();
      await expect(page.locator(`${fifth} input`).nth(1)).toBeChecked();
      if (javaScriptEnabled) await expectNoAxeViolations(page, 'survey review step');
      expect(sent, 'nothing sent while moving between questions').toEqual([]);
      await tabTo(page, 'form.survey button[type="submit"]', 80);
      await page.keyboard.press('Enter');
      await expect(page.locator('.receipt')).toContainText('Merci, vos réponses sont envoyées');
      expect(sent.length).toBeGreaterThan(0);
    });
  });
}

for (const mode of MODES) {
  test(`the survey page is axe-clean: ${mode.name}`, async ({ page, baseURL, context }) => {
    await setPreferences(context, baseURL, mode.cookie);
    await demoSurvey(page);
    await expect(page.locator('.survey .question')).toHaveCount(8);
    await expectNoAxeViolations(page, `survey (${mode.name})`);
    // The demo's closed survey (the second one seeded): figures and a breakdown by college.
    await page.goto(`${COUNCIL}/questionnaires/2/resultats`);
    await expect(page.locator('table.breakdown').first()).toBeVisible();
    await expectNoAxeViolations(page, `survey results (${mode.name})`);
    await page.goto(`${COUNCIL}/questionnaires/2/resultats/facile`);
    await expect(page.locator('ol.summary > li').first()).toBeVisible();
    await expectNoAxeViolations(page, `survey easy-read summary (${mode.name})`);
  });
}

test('a coordinator writes a survey by keyboard, sees its readability, previews and opens it', async ({ page, baseURL, context }) => {
  test.setTimeout(budget(120_000));
  await signUp(page, baseURL, 'Anne Questionnaire');
  await page.goto(`${COUNCIL}/questionnaires`);
  await expectNoAxeViolations(page, 'surveys list, coordinator');
  await tabTo(page, '#survey-title', 80);
  await page.keyboard.type('La santé mentale des jeunes');
  await tabTo(page, 'form[action="/api/create_survey"] button[type="submit"]', 20);
  await page.keyboard.press('Enter');
  await expect(page.locator('main [role="status"]')).toContainText('Le brouillon est créé');
  await tabTo(page, '#question-section', 60);
  await page.keyboard.type('Vous');
  await tabTo(page, '#question-prompt', 10);
  await page.keyboard.type('Allez-vous bien ?');
  await tabTo(page, '#question-options', 10);
  await page.keyboard.type('Oui');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Non');
  // Measured while typing, under the field.
  await expect(page.locator('#question-prompt-readability')).toContainText('Lisibilité : Facile à lire');
  // Readability checked before adding: nothing stored, the text given back measured, the
  // notice focused (the redirect's #fragment).
  await tabTo(page, 'form[action="/api/add_survey_question"] button[name="check"]', 10);
  await page.keyboard.press('Enter');
  await expect(page.locator('#readability-check')).toBeFocused();
  await expect(page.locator('#readability-check')).toContainText('Rien n');
  await expect(page.locator('#question-prompt-readability')).toContainText('Lisibilité : Facile à lire');
  await expect(page.locator('#question-prompt')).toHaveValue('Allez-vous bien ?');
  await expect(page.locator('#question-options')).toHaveValue('Oui\nNon');
  await expectNoAxeViolations(page, 'survey editor, readability checked');
  await tabTo(page, 'form[action="/api/add_survey_question"] button[type="submit"]:not([name])', 20);
  await page.keyboard.press('Enter');
  await expect(page.locator('main [role="status"]')).toContainText('La question est ajoutée');
  await expect(page.locator('.survey-questions')).toContainText('Lisibilité : Facile à lire.');
  await expectNoAxeViolations(page, 'survey editor');
  await setPreferences(context, baseURL, 'lang=en&easy=1');
  await page.reload();
  await expectNoAxeViolations(page, 'survey editor, en easy-read');
  await setPreferences(context, baseURL, 'lang=fr');
  await page.reload();
  const preview = await page.locator('a', { hasText: 'Aperçu du questionnaire' }).getAttribute('href');
  await tabTo(page, 'input[value="open"] + button', 80);
  await page.keyboard.press('Enter');
  await expect(page.locator('main [role="status"]')).toContainText('Le questionnaire est ouvert');
  await page.goto(preview);
  await expect(page.locator('form.survey button[type="submit"]')).toBeVisible();
});

test('a coordinator checks a written answer by keyboard: edited, published, and only then in the results', async ({ page, baseURL }) => {
  await signUp(page, baseURL, 'Anne Relecture');
  // The demo's closed survey (the second one seeded) has written answers waiting.
  await page.goto(`${COUNCIL}/questionnaires/2/modifier`);
  const waiting = page.locator('#moderation-title + p + ol > li');
  await expect(waiting.first()).toBeVisible();
  await expectNoAxeViolations(page, 'survey editor with written answers to check');
  const named = waiting.filter({ hasText: 'Marchand' });
  const field = await named.locator('textarea').getAttribute('id');
  await tabTo(page, `#${field}`, 120);
  await page.keyboard.press('Control+A');
  await page.keyboard.type("Un médecin m'a écouté, mais il faut attendre six mois pour le revoir.");
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect(page.locator('main [role="status"]')).toContainText('Le texte est publié');
  await page.goto(`${COUNCIL}/questionnaires/2/resultats`);
  await expect(page.locator('.written-answers')).toContainText("Un médecin m'a écouté");
  await expect(page.locator('main')).not.toContainText('Marchand');
});

test('a one-per-person survey: codes drawn by keyboard, the sheet axe-clean and shown once', async ({ page, baseURL }) => {
  await signUp(page, baseURL, 'Anne Codes');
  await page.goto(`${COUNCIL}/questionnaires`);
  await tabTo(page, '#survey-title', 80);
  await page.keyboard.type('Une réponse par personne');
  await tabTo(page, '#survey-one-per-person', 20);
  await page.keyboard.press('Space');
  await tabTo(page, 'form[action="/api/create_survey"] button[type="submit"]', 10);
  await page.keyboard.press('Enter');
  await expect(page.locator('main [role="status"]')).toContainText('Le brouillon est créé');
  await tabTo(page, '#codes-count', 80);
  await page.keyboard.press('Control+A');
  await page.keyboard.type('3');
  await page.keyboard.press('Enter');
  await expect(page.locator('.code-card')).toHaveCount(3);
  await expectNoAxeViolations(page, 'survey code sheet');
  await page.reload();
  await expect(page.locator('.code-card')).toHaveCount(0);
});

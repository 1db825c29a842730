// Priority votes end to end (axe-core needs JavaScript, so it runs in the tests that have it): ranking by keyboard without JavaScript (move buttons, review,
// cast, receipt); a coordinator setting up an approval vote, a participant voting in
// easy-read by keyboard, the vote closed and its results seen; axe-core on every vote page
// in four modes.
import { readFile } from 'node:fs/promises';
import { budget, expect, test } from './fixtures.mjs';
import { MODES, expectNoAxeViolations, setPreferences, tabTo } from './helpers.mjs';
import { signUp } from './staff-helpers.mjs';

const COUNCIL = '/clsm-val-de-lisandre';

/** The demo's votes: the open ranking vote and the closed approval vote, by their titles. */
async function demoVotes(page) {
  await page.goto(`${COUNCIL}/votes`);
  const open = await page.locator('.card h2 a', { hasText: 'Nos priorités pour 2027' }).getAttribute('href');
  const closed = await page.locator('.card h2 a', { hasText: "Consultation d'automne" }).getAttribute('href');
  return { open, closed };
}

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('a participant ranks by keyboard with the move buttons, reviews, and casts', async ({ page, baseURL, context }) => {
    await setPreferences(context, baseURL, 'lang=fr');
    const { open } = await demoVotes(page);
    await page.goto(open);
    const titles = async () => page.locator('.rank-item strong').allTextContents();
    const before = await titles();
    expect(before.length).toBe(5);

    // "Descendre" on the first finding: the page comes back with it second, the focus on
    // the button that was pressed.
    await tabTo(page, '#move-down-0', 60);
    await page.keyboard.press('Enter');
    await expect(page.locator('#move-down-0')).toBeFocused();
    expect(await titles()).toEqual([before[1], before[0], ...before.slice(2)]);
    // Up again to the top: its "Monter" is now disabled, the focus moves to "Descendre".
    await page.keyboard.press('Shift+Tab');
    await expect(page.locator('#move-up-0')).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.locator('#move-down-0')).toBeFocused();
    await expect(page.locator('#move-up-0')).toBeDisabled();
    expect(await titles()).toEqual(before);

    await page.selectOption('#ballot-college', 'aidants');
    await tabTo(page, 'button[value="review"]', 40);
    await page.keyboard.press('Enter');
    await expect(page.locator('#review-title')).toBeFocused();
    await expect(page.locator('.review-list li')).toHaveText(before);
    await expect(page.locator('main')).toContainText('Collège : Aidants et familles');

    await tabTo(page, 'form[action="/api/cast_ballot"] button', 10);
    await page.keyboard.press('Enter');
    await expect(page.locator('.receipt')).toContainText('A voté');
    await expect(page.locator('.receipt')).toContainText('Personne, même l');
    await page.goto(open);
    await expect(page.locator('main')).toContainText('Vous avez déjà voté depuis ce navigateur');
    await expect(page.locator('form[action="/api/ballot_step"]')).toHaveCount(0);
  });
});

test('a coordinator sets up a vote, a participant votes in easy-read by keyboard, results after close', async ({ page, baseURL, browser }) => {
  test.setTimeout(budget(120_000));
  await signUp(page, baseURL, 'Anne Martin');
  await page.goto(`${COUNCIL}/votes`);
  await tabTo(page, '#vote-title', 80);
  await page.keyboard.type('Priorités des aidants');
  // A radio group: Tab enters it at the checked method, the arrows choose.
  await tabTo(page, '#vote-method-schulze-choice', 20);
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(page.locator('#vote-method-approval-choice')).toBeChecked();
  // Dates by value, as the picker's keys depend on the locale.
  await page.fill('#vote-opens-at', '2020-01-01T09:00');
  await page.fill('#vote-closes-at', '2099-01-01T09:00');
  await tabTo(page, 'form[action="/api/create_vote"] button[type="submit"]', 40);
  await page.keyboard.press('Enter');
  await expect(page.locator('main [role="status"]')).toContainText('Le vote est créé');
  const votePath = new URL(page.url()).pathname;
  await expectNoAxeViolations(page, 'a draft vote, staff panel');
  await tabTo(page, 'form[action="/api/run_vote"] button', 40);
  await page.keyboard.press('Enter');
  await expect(page.locator('main [role="status"]')).toContainText('Le vote est ouvert');

  // A participant in easy-read, keyboard only, JavaScript on.
  const visitor = await browser.newContext();
  await setPreferences(visitor, baseURL, 'lang=fr&easy=1');
  const voter = await visitor.newPage();
  await voter.goto(votePath);
  await expect(voter.locator('img.picto').first()).toBeVisible();
  await expectNoAxeViolations(voter, 'approval ballot, easy-read');
  await tabTo(voter, '#ballot-approved-1', 60);
  await voter.keyboard.press('Space');
  await tabTo(voter, 'button[value="review"]', 20);
  await voter.keyboard.press('Enter');
  await expect(voter.locator('#review-title')).toBeFocused();
  await expect(voter.locator('#review-title')).toContainText('Relisez votre vote');
  await expect(voter.locator('.review-list li')).toHaveCount(1);
  await expectNoAxeViolations(voter, 'ballot review, easy-read');
  await tabTo(voter, 'form[action="/api/cast_ballot"] button', 10);
  await voter.keyboard.press('Enter');
  await expect(voter.locator('.receipt')).toContainText('vous avez voté');
  await expectNoAxeViolations(voter, 'receipt, easy-read');
  await voter.goto(`${votePath}/resultats`);
  await expect(voter.locator('main')).toContainText('Les résultats arrivent à la fin du vote');

  // Closed by the coordinator: everyone sees the results, the export is offered to staff.
  await page.goto(votePath);
  await tabTo(page, 'input[value="close"] + button', 40);
  await page.keyboard.press('Enter');
  await expect(page.locator('main [role="status"]')).toContainText('Le vote est clos');
  await voter.goto(`${votePath}/resultats`);
  await expect(voter.locator('.lead')).toHaveText('Un bulletin');
  await expect(voter.locator('table.standing').first().locator('tbody tr').first()).toContainText('1 point');
  await expectNoAxeViolations(voter, 'results, easy-read');
  // The export is a form's button (each download is in the audit log): pressed from the
  // keyboard, the browser saves the file rather than coming back to the page.
  await page.goto(`${votePath}/resultats`);
  const exportButton = page.locator('form[action="/api/export_vote"] button').last();
  await expect(exportButton).toBeVisible();
  await exportButton.focus();
  const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
  expect(download.suggestedFilename()).toMatch(/^bulletins-vote-\d+\.json$/);
  const saved = JSON.parse(await readFile(await download.path(), 'utf8'));
  expect(saved.ballots).toHaveLength(1);
  await expect(page).toHaveURL(new RegExp(`${votePath}/resultats$`));
  await visitor.close();
});

for (const mode of MODES) {
  test(`vote pages are axe-clean: ${mode.name}`, async ({ page, baseURL, context }) => {
    await setPreferences(context, baseURL, mode.cookie);
    const { open, closed } = await demoVotes(page);
    await expectNoAxeViolations(page, `votes list (${mode.name})`);
    await page.goto(open);
    await expectNoAxeViolations(page, `ranking ballot (${mode.name})`);
    await page.goto(`${closed}/resultats`);
    await expect(page.locator('table.standing')).not.toHaveCount(0);
    await expectNoAxeViolations(page, `results (${mode.name})`);
    await page.goto(`${closed}/projection`);
    await expectNoAxeViolations(page, `results on the projector (${mode.name})`);
  });
}

test('a strict vote: codes printed by keyboard, the sheet axe-clean, a code casts once', async ({ page, baseURL, browser }) => {
  test.setTimeout(budget(120_000));
  await signUp(page, baseURL, 'Anne Martin');
  await page.goto(`${COUNCIL}/votes`);
  await tabTo(page, '#vote-title', 80);
  await page.keyboard.type('Priorités, vote à la porte');
  await tabTo(page, '#vote-method-schulze-choice', 20);
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await tabTo(page, '#vote-integrity-open', 40);
  await page.keyboard.press('ArrowDown');
  await expect(page.locator('#vote-integrity-strict')).toBeChecked();
  await page.fill('#vote-opens-at', '2020-01-01T09:00');
  await page.fill('#vote-closes-at', '2099-01-01T09:00');
  await tabTo(page, 'form[action="/api/create_vote"] button[type="submit"]', 40);
  await page.keyboard.press('Enter');
  await expect(page.locator('main [role="status"]')).toContainText('Le vote est créé');
  const votePath = new URL(page.url()).pathname;
  await tabTo(page, 'form[action="/api/run_vote"] button', 40);
  await page.keyboard.press('Enter');
  await expect(page.locator('main [role="status"]')).toContainText('Le vote est ouvert');

  // Three codes, asked for by keyboard; the sheet shows them once.
  await tabTo(page, '#codes-count', 40);
  await page.keyboard.press('Control+A');
  await page.keyboard.type('3');
  await page.keyboard.press('Enter');
  await expect(page.locator('.code-card')).toHaveCount(3);
  await expectNoAxeViolations(page, 'the code sheet');
  const code = (await page.locator('.code-card .code').first().textContent()).trim();
  await page.reload();
  await expect(page.locator('.code-card')).toHaveCount(0);
  await expect(page.locator('main')).toContainText("Les codes ne sont montrés qu'une fois");

  // A participant types the code, in lower case; the same code is then refused.
  const visitor = await browser.newContext();
  const voter = await visitor.newPage();
  for (const expected of ["votre bulletin est dans l'urne", "Ce code n'est pas valable"]) {
    await voter.goto(votePath);
    await voter.check('#ballot-approved-0');
    await voter.fill('#ballot-code', code.toLowerCase());
    await voter.click('button[value="review"]');
    await voter.click('form[action="/api/cast_ballot"] button');
    await expect(voter.locator('main')).toContainText(expected);
  }
  await visitor.close();
});

test('while a vote is open, staff see its count move by whole groups, and why', async ({ page, baseURL, browser }) => {
  test.setTimeout(budget(180_000));
  await signUp(page, baseURL, 'Anne Martin');
  await page.goto(`${COUNCIL}/votes`);
  await page.fill('#vote-title', 'Priorités du quartier');
  await page.check('#vote-method-approval-choice');
  await page.fill('#vote-opens-at', '2020-01-01T09:00');
  await page.fill('#vote-closes-at', '2099-01-01T09:00');
  await page.click('form[action="/api/create_vote"] button[type="submit"]');
  await expect(page.locator('main [role="status"]')).toContainText('Le vote est créé');
  const votePath = new URL(page.url()).pathname;
  await page.click('form[action="/api/run_vote"] button');
  await expect(page.locator('main [role="status"]')).toContainText('Le vote est ouvert');

  // Six residents vote, each from a browser of their own.
  for (let i = 0; i < 6; i++) {
    const context = await browser.newContext();
    const voter = await context.newPage();
    await voter.goto(votePath);
    await voter.check(`#ballot-approved-${i % 2}`);
    await voter.click('button[value="review"]');
    await voter.click('form[action="/api/cast_ballot"] button');
    await expect(voter.locator('.receipt')).toBeVisible();
    await context.close();
  }

  // Five are counted, one waits for four more: the page says so, in every mode.
  for (const mode of MODES) {
    await setPreferences(page.context(), baseURL, mode.cookie);
    await page.goto(`${votePath}/resultats`);
    await expect(page.locator('.lead')).toContainText('5');
    const waiting = page.locator('p.notice', { hasText: /(attente|waiting)\s*:\s*1/ });
    await expect(waiting).toBeVisible();
    await expectNoAxeViolations(page, `provisional results (${mode.name})`);
  }
  await setPreferences(page.context(), baseURL, 'lang=fr');
  for (const [width, height] of [[390, 844], [1280, 800], [1920, 1080]]) {
    await page.setViewportSize({ width, height });
    await page.goto(`${votePath}/resultats`);
    await page.screenshot({ path: test.info().outputPath(`provisional-results-${width}.png`), fullPage: true });
  }
});

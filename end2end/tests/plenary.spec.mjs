// One plenary, one screen: the facilitator puts a question, the agenda, a vote and its
// results on the projector from the console; the projector follows in place; the phones'
// live page offers the vote the moment it opens (and, without JavaScript, on reload), the
// ballot is cast from a phone, and the turnout then the first places reach the screen.
import { budget, expect, test } from './fixtures.mjs';
import { expectNoAxeViolations, waitForHydration } from './helpers.mjs';
import { approve, ask, openAssembly } from './live-helpers.mjs';
import { signUp } from './staff-helpers.mjs';

const COUNCIL = '/clsm-val-de-lisandre';
const VOTE = 'Priorités votées en plénière';

async function mark(page) {
  await page.evaluate(() => { window.agoraNotReloaded = true; });
}
async function expectNotReloaded(page) {
  expect(await page.evaluate(() => window.agoraNotReloaded === true)).toBe(true);
}

test('a plenary run from the console: question, vote opened, ballots from phones, results on the screen', async ({ page, baseURL, browser }) => {
  test.setTimeout(budget(180_000));
  await signUp(page, baseURL, 'Paul Plénière');
  const livePath = await openAssembly(page, 'Plénière de bout en bout');
  const assemblyPath = livePath.replace(/\/direct$/, '');
  const consolePath = `${assemblyPath}/animation`;

  // A vote of this assembly, ready but not yet open.
  await page.goto(`${COUNCIL}/votes`);
  await page.fill('#vote-title', VOTE);
  await page.check('#vote-method-approval-choice');
  await page.fill('#vote-opens-at', '2020-01-01T09:00');
  await page.fill('#vote-closes-at', '2099-01-01T09:00');
  await page.selectOption('#vote-assembly', { label: 'Plénière de bout en bout' });
  await page.click('form[action="/api/create_vote"] button[type="submit"]');
  await expect(page.locator('main [role="status"]')).toContainText('Le vote est créé');
  const votePath = new URL(page.url()).pathname;

  // The room: the projector, a phone following the live page, a phone without JavaScript.
  const screenContext = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
  const screen = await screenContext.newPage();
  await screen.goto(`${assemblyPath}/projection`);
  await waitForHydration(screen);
  await mark(screen);
  await expect(screen.locator('.room-stage')).toHaveClass(/joining/);
  const phoneContext = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const phone = await phoneContext.newPage();
  await phone.goto(livePath);
  await waitForHydration(phone);
  await mark(phone);
  const plainContext = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 390, height: 844 } });
  const plain = await plainContext.newPage();

  // A question, approved and put on screen.
  await ask(plain, livePath, 'Le vote sera-t-il anonyme ?');
  await approve(page, consolePath, 'anonyme');
  await page.locator('ol.questions > li', { hasText: 'anonyme' })
    .locator('form:has(input[value="highlight"]) button').click();
  await expect(screen.locator('.projector-question blockquote')).toHaveText('Le vote sera-t-il anonyme ?');

  // The vote opens from its page: the phone offers it in place, and says so.
  await page.goto(votePath);
  await page.click('form[action="/api/run_vote"] button');
  await expect(page.locator('main [role="status"]')).toContainText('Le vote est ouvert');
  const card = phone.locator('section[aria-labelledby="assembly-votes-title"] li', { hasText: VOTE });
  await expect(card.locator('a.button')).toHaveText('Voter maintenant');
  await expect(phone.locator('.live-feed [role="status"].visually-hidden')).toContainText(`Un vote est ouvert : ${VOTE}`);
  await expectNotReloaded(phone);
  await plain.goto(livePath);
  await expect(plain.locator('section[aria-labelledby="assembly-votes-title"] a.button')).toHaveText('Voter maintenant');

  // On screen from the console: the vote, with its turnout.
  await page.goto(consolePath);
  await page.locator('section[aria-labelledby="screen-title"] button[aria-label$="' + VOTE + '"]').click();
  await expect(page.locator('main [role="status"]').first()).toContainText("C'est fait.");
  await expect(screen.locator('.room-slide .slide-vote h2')).toHaveText(VOTE);
  await expect(screen.locator('.room-slide .slide-figure')).toHaveText('Aucun bulletin pour l’instant'.replace('’', "'"));
  await expect(screen.locator('.projector-question')).toBeHidden();
  await expect(screen.locator('.room-stage')).not.toHaveClass(/joining/);
  await expectNoAxeViolations(screen, 'projector showing a vote');

  // Two ballots from phones (one without JavaScript): the turnout moves on the screen.
  await card.locator('a.button').click();
  await phone.check('#ballot-approved-0');
  await phone.click('button[value="review"]');
  await phone.click('form[action="/api/cast_ballot"] button');
  await expect(phone.locator('.receipt')).toBeVisible();
  await plain.click('section[aria-labelledby="assembly-votes-title"] a.button');
  await plain.check('#ballot-approved-1');
  await plain.click('button[value="review"]');
  await plain.click('form[action="/api/cast_ballot"] button');
  await expect(plain.locator('.receipt')).toBeVisible();
  await expect(screen.locator('.room-slide .slide-figure')).toHaveText('2 bulletins reçus', { timeout: budget(15_000) });

  // Closed: the first places reach the screen by themselves.
  await page.goto(votePath);
  await page.locator('form[action="/api/run_vote"]:has(input[value="close"]) button').click();
  await expect(page.locator('main [role="status"]')).toContainText('clos');
  await expect(screen.locator('.room-slide .standing').first()).toBeVisible({ timeout: budget(15_000) });
  await expectNoAxeViolations(screen, 'projector showing results');

  // The agenda, then the join code again.
  await page.goto(consolePath);
  await page.locator('section[aria-labelledby="screen-title"] form:has(input[value="agenda"]) button').click();
  await expect(screen.locator('.room-slide .slide-agenda')).toBeVisible();
  await page.locator('section[aria-labelledby="screen-title"] form:has(input[value="join"]) button').click();
  await expect(screen.locator('.room-stage')).toHaveClass(/joining/);
  await expectNotReloaded(screen);
  await expectNoAxeViolations(page, 'console with its screen section');
  await screen.screenshot({ path: test.info().outputPath('screen-join-after.png') });
  for (const context of [screenContext, phoneContext, plainContext]) await context.close();
});

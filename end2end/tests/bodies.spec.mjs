// The council's bodies: a coordinator creates a working group by keyboard (a refusal
// first), adds two members, hands one a printed one-time code and the other a one-time
// link, and schedules a meeting for members only, then publishes it. The members come in
// without a password (one of them without JavaScript) and read the meeting; one of them makes
// a passkey of her own and comes back with it alone; a visitor finds nothing there. Every new screen in the four modes, at three sizes, and without JavaScript.
import { budget, expect, test } from './fixtures.mjs';
import { MODES, expectNoAxeViolations, setPreferences, tabTo, waitForHydration } from './helpers.mjs';
import { addAuthenticator, signUp } from './staff-helpers.mjs';

const COUNCIL = '/clsm-val-de-lisandre';
const BODIES = `${COUNCIL}/instances`;

/** A day two days ago at 18:30, as a `datetime-local` field holds it: a meeting already
 *  held, so that it sits below the demo's coming assembly in every list. */
function twoDaysAgo() {
  const day = new Date(Date.now() - 2 * 24 * 3600 * 1000);
  return `${day.toISOString().slice(0, 10)}T18:30`;
}

async function addMember(page, name, college, role) {
  await page.fill('#member-new-name', name);
  await page.fill('#member-new-organisation', 'GEM L\'Envol');
  await page.selectOption('#member-new-college', college);
  await page.selectOption('#member-new-role', role);
  await page.fill('#member-new-contact', `${name.toLowerCase()}@example.org`);
  await page.locator('form[action$="save_member"]:has(#member-new-name) button[type="submit"]').click();
  await expect(page.locator('main [role="status"]').first()).toContainText('Membre enregistré');
}

async function issuePass(page, name, kind) {
  const row = page.locator('table.members tr', { hasText: name });
  await row.locator(`button[name="kind"][value="${kind}"]`).click();
  const shown = page.locator(kind === 'code' ? '.pass-code strong' : '.pass-link code');
  await expect(shown).toBeVisible();
  return (await shown.textContent()).trim();
}

test('a coordinator sets up a working group; its members come in by code or link and read its private meeting', async ({ page, browser, baseURL }) => {
  test.setTimeout(budget(120_000));
  await signUp(page, baseURL, 'Gaëlle Groupe');
  await page.goto(BODIES);
  await expect(page.locator('h1')).toContainText('Instances et groupes de travail');
  await expect(page.locator('main')).toContainText('Comité de pilotage');
  await tabTo(page, `a[href="${BODIES}/nouvelle"]`, 80);
  await page.keyboard.press('Enter');
  await expect(page.locator('h1')).toContainText('Nouvelle instance');

  // By keyboard, the easy-read purpose left out: refused beside it, what was typed kept.
  const name = `Groupe de travail emploi ${Date.now()}`;
  await tabTo(page, '#body-name', 40);
  await page.keyboard.type(name);
  await tabTo(page, '#body-purpose', 10);
  await page.keyboard.type('Suivre l\'accès à l\'emploi des personnes qui vivent avec un trouble psychique.');
  await page.evaluate(() => document.querySelector('#body-purpose-easy').removeAttribute('required'));
  await tabTo(page, 'form[action$="save_body"] button[type="submit"]:not([name])', 20);
  await page.keyboard.press('Enter');
  await expect(page.locator('#body-purpose-easy-error')).toContainText('Ce champ est obligatoire');
  await expect(page.locator('#body-name')).toHaveValue(name);
  await expect(page.locator('#body-purpose-easy')).toBeFocused();
  await page.keyboard.type('Le groupe aide à trouver un travail.');
  await tabTo(page, 'form[action$="save_body"] button[type="submit"]:not([name])', 20);
  await page.keyboard.press('Enter');
  await expect(page.locator('main [role="status"]').first()).toContainText('Instance enregistrée');
  await expect(page.locator('h1')).toContainText(name);
  const body = new URL(page.url()).pathname;

  await addMember(page, 'Karim', 'usagers', 'cohost');
  await addMember(page, 'Denise', 'aidants', 'member');
  await expect(page.locator('table.seats')).toContainText('Usagers');
  const code = await issuePass(page, 'Karim', 'code');
  expect(code).toMatch(/^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/);
  const link = await issuePass(page, 'Denise', 'link');
  expect(link).toContain(`${COUNCIL}/membres/lien/`);

  // A meeting for members only, scheduled and published.
  await page.goto(body);
  await page.fill('#meeting-title', 'Réunion du groupe emploi');
  await page.fill('#meeting-starts-at', twoDaysAgo());
  await page.fill('#meeting-place', 'Maison des associations');
  await expect(page.locator('#meeting-members-only')).toBeChecked();
  await page.locator('form[action$="schedule_meeting"] button[type="submit"]').click();
  await expect(page).toHaveURL(/\/preparer$/);
  await page.locator('form[action$="publish_assembly"] button[type="submit"]').first().click();
  await expect(page.locator('main [role="status"]').first()).toBeVisible();
  const meeting = new URL(page.url()).pathname.replace(/\/preparer$/, '');
  await page.goto(meeting);
  await expect(page.locator('main')).toContainText('réservée aux membres');

  // A visitor finds nothing: not the meeting, not its name in the lists, not the members.
  const visitor = await browser.newContext({ baseURL, javaScriptEnabled: true });
  const outside = await visitor.newPage();
  const response = await outside.goto(meeting);
  expect(response.status()).toBe(404);
  for (const path of [`${COUNCIL}/agenda`, `${COUNCIL}/assemblees`, body]) {
    await outside.goto(path);
    await expect(outside.locator('main')).not.toContainText('Réunion du groupe emploi');
  }
  await expect(outside.locator('main')).not.toContainText('Karim');
  await visitor.close();

  // Karim, without JavaScript, types his code (capitals and spaces do not matter).
  const karim = await browser.newContext({ baseURL, javaScriptEnabled: false });
  const karimPage = await karim.newPage();
  await karimPage.goto(`${COUNCIL}/membres`);
  await karimPage.fill('#member-code', code.toUpperCase().replaceAll('-', ' '));
  await karimPage.locator('form[action$="enter_with_code"] button').click();
  await expect(karimPage.locator('h1')).toContainText(name);
  await expect(karimPage.locator('main')).toContainText('Denise');
  await expect(karimPage.locator('main')).not.toContainText('denise@example.org');
  await karimPage.goto(meeting);
  await expect(karimPage.locator('h1')).toContainText('Réunion du groupe emploi');
  await karimPage.goto(`${COUNCIL}/agenda`);
  await expect(karimPage.locator('main')).toContainText('Réunion du groupe emploi');
  await karim.close();

  // The same code again lets nobody in.
  const again = await browser.newContext({ baseURL, javaScriptEnabled: false });
  const againPage = await again.newPage();
  await againPage.goto(`${COUNCIL}/membres`);
  await againPage.fill('#member-code', code);
  await againPage.locator('form[action$="enter_with_code"] button').click();
  await expect(againPage.locator('main')).toContainText('ne permet pas d\'entrer');
  await again.close();

  // Denise opens her link and presses the button, by keyboard.
  const denise = await browser.newContext({ baseURL, javaScriptEnabled: true });
  const denisePage = await denise.newPage();
  await denisePage.goto(new URL(link).pathname);
  await tabTo(denisePage, 'form[action$="enter_with_link"] button', 60);
  await denisePage.keyboard.press('Enter');
  await expect(denisePage.locator('h1')).toContainText(name);
  await expect(denisePage.locator('main').getByText('Vous en êtes membre').first()).toBeVisible();

  // She makes a passkey of her own there, by keyboard; then, her cookies gone (another day),
  // the passkey alone brings her back to her group and its private meeting.
  await addAuthenticator(denisePage);
  await waitForHydration(denisePage);
  await expectNoAxeViolations(denisePage, 'body page offering a member\'s passkey');
  await denisePage.locator('#cle').scrollIntoViewIfNeeded();
  await denisePage.screenshot({ path: 'test-results/bodies-member-passkey.png' });
  await tabTo(denisePage, 'form[data-ceremony="member_passkey"] button[type="submit"]', 60);
  await denisePage.keyboard.press('Enter');
  await expect(denisePage.locator('#member-passkey-title')).toHaveCount(0);
  await denise.clearCookies();
  await denisePage.goto('/connexion');
  await waitForHydration(denisePage);
  await tabTo(denisePage, '.passkey-form button[type="submit"]');
  await denisePage.keyboard.press('Enter');
  await expect(denisePage).toHaveURL(/\/compte$/);
  await expect(denisePage.locator('main')).toContainText('Vos instances');
  await denisePage.locator('main a', { hasText: name }).click();
  await expect(denisePage.locator('main').getByText('Vous en êtes membre').first()).toBeVisible();
  await expect(denisePage.locator('table.members')).toContainText('Karim');
  await denisePage.goto(meeting);
  await expect(denisePage.locator('h1')).toContainText('Réunion du groupe emploi');
  await denise.close();
});

test('bodies, a body, its form, the members\' entrance and the calendar in the four modes, at three sizes', async ({ page, context, baseURL }) => {
  test.setTimeout(budget(150_000));
  await signUp(page, baseURL, 'Marius Modes');
  await page.goto(BODIES);
  const body = await page.locator('.bodies h2 a').first().getAttribute('href');
  const pages = [BODIES, body, `${body}/modifier`, `${BODIES}/nouvelle`, `${COUNCIL}/membres`, `${COUNCIL}/agenda`];
  for (const mode of MODES) {
    await setPreferences(context, baseURL, mode.cookie);
    for (const path of pages) {
      await page.goto(path);
      await expect(page.locator('h1')).toBeVisible();
      await expectNoAxeViolations(page, `${path} (${mode.name})`);
    }
  }
  await setPreferences(context, baseURL, 'lang=fr');
  for (const [width, height] of [[390, 844], [1280, 800], [1920, 1080]]) {
    await page.setViewportSize({ width, height });
    for (const [what, path] of [['bodies', BODIES], ['body', body], ['entrance', `${COUNCIL}/membres`], ['calendar', `${COUNCIL}/agenda`]]) {
      await page.goto(path);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, `${what}: sideways scroll at ${width}`).toBeLessThanOrEqual(0);
      await page.screenshot({ path: `test-results/bodies-${what}-${width}.png`, fullPage: true });
    }
  }
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the council leads to its bodies, their seats and the calendar file', async ({ page, request }) => {
    await page.goto(COUNCIL);
    await page.locator(`a[href="${BODIES}"]`).first().click();
    await expect(page.locator('h1')).toContainText('Instances');
    await page.locator('.bodies h2 a', { hasText: 'Comité de pilotage' }).click();
    await expect(page.locator('table.seats')).toContainText('14');
    await expect(page.locator('main')).toContainText('réservée aux membres');
    const ics = await page.locator('a[href*="calendar_ics"]').getAttribute('href');
    const file = await request.get(ics);
    expect(file.headers()['content-type']).toContain('text/calendar');
    expect(await file.text()).toContain('BEGIN:VCALENDAR');
  });
});

// Staff passkeys end to end, with Chromium's virtual authenticator (CDP `WebAuthn` domain):
// sign-up from an invitation, sign-out, sign-in; a failed user verification explains itself;
// the council settings (minimum group size) by keyboard.
import { expect, test } from './fixtures.mjs';
import { expectNoAxeViolations, setPreferences, tabTo, waitForHydration } from './helpers.mjs';
import { addAuthenticator, forgetProof, invitationLink, signUp } from './staff-helpers.mjs';

test('sign-up from an invitation, sign-out and sign-in with a passkey, by keyboard', async ({ page, baseURL }) => {
  const { cdp, authenticatorId } = await addAuthenticator(page);
  const link = invitationLink(baseURL);

  await page.goto(link);
  await waitForHydration(page);
  await expect(page.locator('h1')).toContainText("Rejoindre l'équipe");
  await expectNoAxeViolations(page, 'sign-up page');
  await tabTo(page, '#display_name');
  await page.keyboard.type('Anne Martin');
  await page.keyboard.press('Enter');

  // The recovery codes, shown this once.
  await expect(page.locator('.recovery-codes li')).toHaveCount(8);
  const recoveryCode = await page.locator('.recovery-codes code').first().textContent();
  expect(recoveryCode).toMatch(/^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/);
  await expectNoAxeViolations(page, 'recovery codes');
  await tabTo(page, '.recovery-codes a.button');
  await page.keyboard.press('Enter');

  await expect(page).toHaveURL(/\/compte$/);
  await expect(page.locator('main')).toContainText('Anne Martin');
  await expect(page.locator('main')).toContainText('Coordination');
  await expectNoAxeViolations(page, 'account page');
  const { credentials } = await cdp.send('WebAuthn.getCredentials', { authenticatorId });
  expect(credentials).toHaveLength(1);
  expect(credentials[0].isResidentCredential).toBe(true);

  // The team page: invite a facilitator by keyboard, the link is shown once.
  await page.goto('/clsm-val-de-lisandre/equipe');
  await expectNoAxeViolations(page, 'team page');
  await tabTo(page, '#invite-role');
  await tabTo(page, '.invite-form button[type="submit"]');
  await page.keyboard.press('Enter');
  await expect(page.locator('#invitation-link')).toHaveValue(/\/invitation\/[0-9a-f]{64}$/);
  await expectNoAxeViolations(page, 'team page with a new link');
  await page.reload();
  await expect(page.locator('#invitation-link')).toHaveCount(0);
  await page.goto('/clsm-val-de-lisandre/journal');
  await expect(page.locator('table.audit')).toContainText('Invitation créée');
  await expect(page.locator('table.audit')).toContainText('Anne Martin');
  await expectNoAxeViolations(page, 'audit log');

  // The link works once.
  await page.goto(link);
  await expect(page.locator('main')).toContainText('Cette invitation a déjà servi');

  await page.goto('/compte');
  await expect(page.locator('main')).toContainText("Clé d'accès n° 1");
  await tabTo(page, 'form[action="/api/sign_out"] button');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/$/);
  await page.goto('/compte');
  await expect(page.locator('main')).toContainText("Vous n'êtes pas connecté·e.");

  await page.goto('/connexion');
  await waitForHydration(page);
  await expectNoAxeViolations(page, 'sign-in page');
  await tabTo(page, '.passkey-form button[type="submit"]');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/compte$/);
  await expect(page.locator('main')).toContainText('Anne Martin');

  // A lost device: a recovery code, typed by keyboard, signs in once.
  await page.context().clearCookies();
  await page.goto('/connexion');
  await tabTo(page, '#recovery-code');
  await page.keyboard.type(recoveryCode.toUpperCase());
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/compte$/);
  await expect(page.locator('main')).toContainText('code de secours');

  // Seven codes left; a new set replaces them all, shown once, by keyboard.
  await expect(page.locator('main')).toContainText('Il vous reste 7 codes de secours.');
  await tabTo(page, 'form[action="/api/renew_recovery_codes"] button');
  await page.keyboard.press('Enter');
  await expect(page.locator('.recovery-codes li')).toHaveCount(8);
  await expect(page.locator('main')).toContainText('Il vous reste 8 codes de secours.');
  await expectNoAxeViolations(page, 'account page with new recovery codes');
  // The account page and the audit log in English easy-read.
  await setPreferences(page.context(), baseURL, 'lang=en&easy=1');
  await page.reload();
  await expect(page.locator('.recovery-codes')).toHaveCount(0);
  await expect(page.locator('main')).toContainText('You have 8 codes left.');
  await expectNoAxeViolations(page, 'account page, en easy-read');
  await page.goto('/clsm-val-de-lisandre/journal');
  await expect(page.locator('table.audit')).toContainText('New codes');
  await expect(page.locator('table.audit')).toContainText('8 new codes');
  await expectNoAxeViolations(page, 'audit log, en easy-read');
  await page.context().clearCookies();
  await page.goto('/connexion');
  await page.fill('#recovery-code', recoveryCode);
  await page.press('#recovery-code', 'Enter');
  await expect(page.locator('main .notice-error')).toContainText("n'est pas valable ou a déjà servi");
  await expectNoAxeViolations(page, 'sign-in page with a refused code');
});

test('a failed user verification shows what to do', async ({ page, baseURL }) => {
  const { cdp, authenticatorId } = await addAuthenticator(page);
  await page.goto(invitationLink(baseURL, 'facilitator'));
  await waitForHydration(page);
  // A refusal of the server's, in words, beside the form; nothing asked of the authenticator.
  await page.fill('#display_name', ' x ');
  await page.click('.passkey-form button[type="submit"]');
  await expect(page.locator('.passkey-status .notice-error')).toContainText(
    'Indiquez votre nom (au moins 2 caractères).',
  );
  const { credentials: none } = await cdp.send('WebAuthn.getCredentials', { authenticatorId });
  expect(none).toHaveLength(0);
  await page.fill('#display_name', 'Bob Durand');
  await page.click('.passkey-form button[type="submit"]');
  await page.click('.recovery-codes a.button');
  await expect(page).toHaveURL(/\/compte$/);
  await page.context().clearCookies();

  await cdp.send('WebAuthn.setUserVerified', { authenticatorId, isUserVerified: false });
  await page.goto('/connexion');
  await waitForHydration(page);
  await page.click('.passkey-form button[type="submit"]');
  await expect(page.locator('[aria-live] .notice-error')).toContainText(
    "La clé d'accès n'a pas été confirmée",
  );
  await expect(page).toHaveURL(/\/connexion$/);
  await expectNoAxeViolations(page, 'sign-in page with its error');
});

test('a second passkey, added from the account page, signs in on its own', async ({ page, baseURL }) => {
  const first = await addAuthenticator(page);
  await page.goto(invitationLink(baseURL, 'observer'));
  await waitForHydration(page);
  await page.fill('#display_name', 'Chloé Petit');
  await page.click('.passkey-form button[type="submit"]');
  await page.click('.recovery-codes a.button');
  await expect(page).toHaveURL(/\/compte$/);

  // A new device: the first authenticator is gone, a second one takes its place.
  await first.cdp.send('WebAuthn.removeVirtualAuthenticator', { authenticatorId: first.authenticatorId });
  const second = await addAuthenticator(page, first.cdp);
  await waitForHydration(page);
  await page.click('.passkey-form button[type="submit"]');
  await expect(page.locator('main')).toContainText("Clé d'accès n° 2");
  const { credentials } = await second.cdp.send('WebAuthn.getCredentials', {
    authenticatorId: second.authenticatorId,
  });
  expect(credentials).toHaveLength(1);

  await page.click('form[action="/api/sign_out"] button');
  await expect(page).toHaveURL(/\/$/);
  await page.goto('/connexion');
  await waitForHydration(page);
  await page.click('.passkey-form button[type="submit"]');
  await expect(page).toHaveURL(/\/compte$/);
  await expect(page.locator('main')).toContainText('Chloé Petit');
  await expect(page.locator('main')).toContainText('dernière utilisation le');
});

test('a coordinator changes the minimum group size by keyboard, a refusal first', async ({ page, baseURL, context }) => {
  await signUp(page, baseURL, 'Anne Réglages');
  await page.goto('/compte');
  await tabTo(page, 'a[href$="/reglages"]', 40);
  await page.keyboard.press('Enter');
  await expect(page.locator('h1')).toContainText('Réglages du conseil');
  await expectNoAxeViolations(page, 'settings page');
  // What the council says of itself, by keyboard: Enter in a field saves the form.
  await tabTo(page, '#profile-contact', 40);
  await page.keyboard.press('Control+A');
  await page.keyboard.type('clsm@lisandre.example');
  await page.keyboard.press('Enter');
  await expect(page.locator('main')).toContainText('La présentation du conseil est enregistrée');
  await page.goto('/clsm-val-de-lisandre');
  await expect(page.locator('.council-people')).toContainText('Contact : clsm@lisandre.example');
  await page.goto('/clsm-val-de-lisandre/reglages');
  const field = page.locator('#settings-min-group');
  for (const [typed, expected] of [['2', 'Indiquez un nombre entier de 3 à 50'], ['7', 'Les réglages sont enregistrés']]) {
    await tabTo(page, '#settings-min-group', 180);
    await page.keyboard.press('Control+A');
    await page.keyboard.type(typed);
    await page.keyboard.press('Enter');
    await expect(page.locator('main')).toContainText(expected);
    await expect(field).toHaveValue(typed);
  }
  await expect(field).not.toHaveAttribute('aria-invalid', 'true');
  await setPreferences(context, baseURL, 'lang=en&easy=1');
  await page.reload();
  await expect(page.locator('h1')).toContainText('Settings');
  await expectNoAxeViolations(page, 'settings page, en easy-read');
  // Back to the default, for the other tests sharing this server.
  await field.fill('5');
  await field.press('Enter');
  await expect(page.locator('main')).toContainText('It is saved');
});

test('a coordinator changes a facilitator\'s role then takes them off the team by keyboard; they are signed out at once', async ({ page, baseURL, browser }) => {
  await signUp(page, baseURL, 'Anne Équipe');
  const elsewhere = await browser.newContext();
  const them = await elsewhere.newPage();
  await signUp(them, baseURL, 'Fanny Départ', 'facilitator');
  await them.goto('/compte');
  await expect(them.locator('main')).toContainText('Fanny Départ');

  await page.goto('/clsm-val-de-lisandre/equipe');
  const member = page.locator('li.team-member', { hasText: 'Fanny Départ' });
  await expect(member).toContainText('Animation');
  // The role, by keyboard: the list is a native select, then its button.
  await member.locator('select').focus();
  await page.keyboard.press('End');
  await member.locator('.team-role-form button').focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('main [role="status"]')).toContainText('Le rôle est changé');
  await expect(page.locator('li.team-member', { hasText: 'Fanny Départ' })).toContainText('Observation');
  await expectNoAxeViolations(page, 'team page after a role change');

  await page.locator('li.team-member', { hasText: 'Fanny Départ' }).locator('form:not(.team-role-form) button').focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('main [role="status"]')).toContainText('La personne est retirée');
  await expect(page.locator('li.team-member', { hasText: 'Fanny Départ' })).toHaveCount(0);

  // Her browser still holds the cookie; it opens nothing.
  await them.goto('/compte');
  await expect(them.locator('main')).not.toContainText('Fanny Départ');
  await expect(them.locator('main')).toContainText("Vous n'êtes pas connecté·e");
  await elsewhere.close();
});

test('a session whose owner proved nothing for a while asks for the passkey again before lasting changes, by keyboard', async ({ page, baseURL, context }) => {
  await signUp(page, baseURL, 'Anne Confirme');
  forgetProof('Anne Confirme');
  await page.goto('/compte');
  await waitForHydration(page);
  const box = page.locator('section.step-up');
  await expect(box).toContainText('Confirmez que c');
  await expectNoAxeViolations(page, 'account page asking for a proof');
  // Refused first, and nothing drawn.
  await page.locator('form[action="/api/renew_recovery_codes"] button').focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('main .notice-error')).toContainText("Confirmez d'abord que c'est vous");
  await expect(page.locator('.recovery-codes li')).toHaveCount(0);
  // The passkey again, by keyboard: the page comes back without the box.
  await waitForHydration(page);
  await tabTo(page, 'section.step-up .passkey-form button[type="submit"]', 80);
  await page.keyboard.press('Enter');
  await expect(page.locator('section.step-up')).toHaveCount(0);
  await page.locator('form[action="/api/renew_recovery_codes"] button').focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('.recovery-codes li')).toHaveCount(8);

  // The team page asks the same, in English easy-read too.
  forgetProof('Anne Confirme');
  await setPreferences(context, baseURL, 'lang=en&easy=1');
  await page.goto('/clsm-val-de-lisandre/equipe');
  await expect(page.locator('section.step-up')).toContainText('Show that it is really you');
  await expectNoAxeViolations(page, 'team page asking for a proof, en easy-read');
  await setPreferences(context, baseURL, 'lang=fr');
});

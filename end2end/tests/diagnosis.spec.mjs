// The diagnosis editor and the hosting page as their users meet them: axe-clean in the four
// modes, a finding written by keyboard (refused first, then published), a spreadsheet
// imported without JavaScript (refused line by line, then previewed and imported).
import { budget, test, expect } from './fixtures.mjs';
import { MODES, expectNoAxeViolations, setPreferences, tabTo } from './helpers.mjs';
import { operatorLink, signUp, signUpFrom } from './staff-helpers.mjs';

const COUNCIL = '/clsm-val-de-lisandre';

// One test per mode, so that each stays within its time on a slow machine.
for (const mode of MODES) {
  test(`the diagnosis editor, a finding's form and the hosting page are axe-clean, ${mode.name}`, async ({ page, context, baseURL, browser }) => {
    test.setTimeout(budget(90_000));
    await signUp(page, baseURL, 'Dana Diagnostic');
    const operatorContext = await browser.newContext();
    const operator = await operatorContext.newPage();
    await signUpFrom(operator, operatorLink(baseURL), 'Oscar Hôte');
    await setPreferences(context, baseURL, mode.cookie);
    await setPreferences(operatorContext, baseURL, mode.cookie);
    for (const path of [`${COUNCIL}/diagnostic`, `${COUNCIL}/diagnostic/nouveau`, `${COUNCIL}/diagnostic/constat/1`, `${COUNCIL}/diagnostic/constat/11`, `${COUNCIL}/constats/11`]) {
      await page.goto(path);
      await expectNoAxeViolations(page, `${path} (${mode.name})`);
    }
    // The spreadsheet's columns, unfolded.
    await page.goto(`${COUNCIL}/diagnostic`);
    await page.locator('#import-title + p + details > summary').click();
    await expectNoAxeViolations(page, `import columns shown (${mode.name})`);
    await operator.goto('/exploitation');
    await expectNoAxeViolations(operator, `/exploitation (${mode.name})`);
    await operatorContext.close();
  });
}

test('a coordinator writes a finding by keyboard, a refusal first, then publishes it', async ({ page, baseURL }) => {
  test.setTimeout(budget(90_000));
  await signUp(page, baseURL, 'Karim Clavier');
  await page.goto('/compte');
  await tabTo(page, `a[href="${COUNCIL}/diagnostic"]`, 60);
  await page.keyboard.press('Enter');
  await expect(page.locator('h1')).toContainText('Le diagnostic partagé');
  await tabTo(page, `a[href="${COUNCIL}/diagnostic/nouveau"]`, 60);
  await page.keyboard.press('Enter');
  await expect(page.locator('h1')).toContainText('Écrire un constat');
  await tabTo(page, '#finding-objective', 60);
  await page.selectOption('#finding-objective', 'care');
  await tabTo(page, '#finding-title', 5);
  await page.keyboard.type('Le bus ne va pas au CMP');
  await tabTo(page, '#finding-summary', 5);
  await page.keyboard.type('Aucune ligne de bus ne dessert le centre médico-psychologique le samedi.');
  await tabTo(page, '#finding-source-year', 20);
  await page.keyboard.type('24');
  await page.keyboard.press('Enter');
  // Refused beside its field, which takes the focus; what was typed is kept.
  await expect(page.locator('#finding-source-year')).toBeFocused();
  await expect(page.locator('#finding-source-year-error')).toContainText('quatre chiffres');
  await expect(page.locator('#finding-title')).toHaveValue('Le bus ne va pas au CMP');
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type('2025');
  await page.keyboard.press('Enter');
  await expect(page.locator('main [role="status"]').first()).toContainText('Constat enregistré');
  const item = page.locator('.diagnosis-finding', { hasText: 'Le bus ne va pas au CMP' });
  await expect(item.locator('.tag-draft')).toBeVisible();
  await item.locator('button[value="publish"]').focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('main [role="status"]').first()).toContainText('Publié');
  await page.goto(COUNCIL);
  await expect(page.locator('main')).toContainText('Le bus ne va pas au CMP');
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('a spreadsheet is refused line by line, then previewed and imported as drafts', async ({ browser, baseURL }) => {
    test.setTimeout(budget(90_000));
    // Signing up needs a passkey, so JavaScript; the import itself is plain forms.
    const withScript = await browser.newContext({ javaScriptEnabled: true });
    const signing = await withScript.newPage();
    await signUp(signing, baseURL, 'Nadia Sansscript');
    const cookies = await withScript.cookies();
    const plain = await browser.newContext({ javaScriptEnabled: false });
    await plain.addCookies(cookies);
    const page = await plain.newPage();
    await page.goto(`${COUNCIL}/diagnostic`);
    // Other tests write findings at the same time: this one counts its own, by their titles.
    const imported = page.locator('.diagnosis-finding').filter({ hasText: /Attente au CMP de Montclair|Regards au collège/ });
    await expect(imported).toHaveCount(0);
    await page.setInputFiles('#import-file', {
      name: 'constats.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('objectif;titre;résumé\ncare;Attente;Six mois.\nlogement;Mal-logement;Inconnu.\n', 'utf8'),
    });
    await page.locator('form[action="/api/upload_findings"] button[type="submit"]').click();
    await expect(page.locator('#import-refused')).toContainText('Ligne 3, colonne « objectif »');
    await expect(page.locator('#import-refused')).toContainText("Cet objectif n'est pas l'un de ceux du conseil");
    await expect(page.locator('#import-preview')).toHaveCount(0);
    await page.setInputFiles('#import-file', {
      name: 'constats.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('objectif;titre;résumé\ncare;Attente au CMP de Montclair;Six mois.\nstigma;Regards au collège;Des moqueries.\n', 'utf8'),
    });
    await page.locator('form[action="/api/upload_findings"] button[type="submit"]').click();
    await expect(page.locator('#import-preview .import-list li')).toHaveCount(2);
    await expect(imported).toHaveCount(0);
    await page.locator('button[value="import"]').click();
    await expect(imported).toHaveCount(2);
    await expect(page.locator('.diagnosis-finding', { hasText: 'Regards au collège' }).locator('.tag-draft')).toBeVisible();
    await Promise.all([withScript.close(), plain.close()]);
  });

  test('a coordinator links a survey question to a finding by keyboard; its page shows the figures', async ({ browser, baseURL }) => {
    test.setTimeout(budget(90_000));
    const withScript = await browser.newContext({ javaScriptEnabled: true });
    const signing = await withScript.newPage();
    await signUp(signing, baseURL, 'Lina Lien');
    const cookies = await withScript.cookies();
    const plain = await browser.newContext({ javaScriptEnabled: false });
    await plain.addCookies(cookies);
    const page = await plain.newPage();
    // The finding on jobs (7th of the demo) rests on nothing yet.
    await page.goto(`${COUNCIL}/constats/7`);
    await expect(page.locator('#finding-evidence')).toHaveCount(0);
    await page.goto(`${COUNCIL}/diagnostic/constat/7`);
    await expect(page.locator('#evidence-title')).toContainText('Résultats de questionnaires');
    await tabTo(page, '#evidence-question', 80);
    await page.keyboard.press('ArrowDown');
    const chosen = await page.locator('#evidence-question option:checked').textContent();
    await tabTo(page, 'button[value="link"]', 5);
    await page.keyboard.press('Enter');
    await expect(page.locator('#evidence-title ~ [role="status"], main [role="status"]').first()).toContainText('Question reliée');
    await expect(page.locator('#evidence-title').locator('..')).toContainText(chosen.trim());
    await page.goto(`${COUNCIL}/constats/7`);
    await expect(page.locator('#finding-evidence')).toContainText('Ce que disent les questionnaires');
    await expect(page.locator('main')).toContainText(chosen.trim());
    await expect(page.locator('main table.standing')).toHaveCount(1);
    await Promise.all([withScript.close(), plain.close()]);
  });
});

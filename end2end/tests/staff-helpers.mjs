// Staff accounts for the browser tests: invitations made the way an operator does, and
// Chromium's virtual authenticator (CDP `WebAuthn` domain) standing in for a phone.
import { expect } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { waitForHydration } from './helpers.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** A fresh invitation link, made with `agora invite` on the test server's database;
 *  `facilitator+testimony`: a facilitator who may read and moderate testimony. */
export function invitationLink(baseURL, role = 'coordinator') {
  const [name, grant] = role.split('+');
  const output = execFileSync(
    'target/debug/agora',
    ['invite', '--council', 'clsm-val-de-lisandre', '--role', name, ...(grant === 'testimony' ? ['--reads-testimony'] : [])],
    {
      cwd: root,
      env: {
        ...process.env,
        DATABASE_URL: 'sqlite://end2end/.data/agora.db?mode=rwc',
        AGORA_PUBLIC_URL: baseURL,
        RUST_LOG: 'warn',
      },
      stdio: ['ignore', 'pipe', 'ignore'],
    },
  );
  return output.toString().trim();
}

/** A platform operator's invitation link (`agora invite --operator`) on the test server's
 *  database, or on `database` (the empty instance's). */
export function operatorLink(baseURL, database = 'end2end/.data/agora.db') {
  return execFileSync('target/debug/agora', ['invite', '--operator'], {
    cwd: root,
    env: {
      ...process.env,
      DATABASE_URL: `sqlite://${database}?mode=rwc`,
      AGORA_PUBLIC_URL: baseURL,
      RUST_LOG: 'warn',
    },
    stdio: ['ignore', 'pipe', 'ignore'],
  })
    .toString()
    .trim();
}

/** Signs up from any invitation link with a new virtual authenticator. */
export async function signUpFrom(page, link, name) {
  await addAuthenticator(page);
  await page.goto(link);
  await waitForHydration(page);
  await page.fill('#display_name', name);
  await page.press('#display_name', 'Enter');
  await expect(page.locator('.recovery-codes li')).toHaveCount(8);
}

export async function addAuthenticator(page, existing) {
  const cdp = existing ?? (await page.context().newCDPSession(page));
  if (!existing) await cdp.send('WebAuthn.enable');
  const { authenticatorId } = await cdp.send('WebAuthn.addVirtualAuthenticator', {
    options: {
      protocol: 'ctap2',
      transport: 'internal',
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
      automaticPresenceSimulation: true,
    },
  });
  return { cdp, authenticatorId };
}

/** Signs up a new staff member of the demo council with `role`; leaves them signed in. */
export async function signUp(page, baseURL, name, role = 'coordinator') {
  await addAuthenticator(page);
  await page.goto(invitationLink(baseURL, role));
  await waitForHydration(page);
  await page.fill('#display_name', name);
  await page.press('#display_name', 'Enter');
  await expect(page.locator('.recovery-codes li')).toHaveCount(8);
}

/** Makes the sessions of `name` as old as a session whose owner last proved to be there
 *  long ago (or a stolen one): what lasts beyond the session then asks for the passkey again.
 *  Written straight into the test server's SQLite file, as time passing would. */
export function forgetProof(name) {
  execFileSync(
    'sqlite3',
    [
      '-cmd', '.timeout 5000',
      'end2end/.data/agora.db',
      `UPDATE staff_session SET verified_at = NULL WHERE account_id IN (SELECT id FROM staff_account WHERE display_name = '${name.replaceAll("'", "''")}');`,
    ],
    { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] },
  );
}

// Browser tests against the real built app (target/debug/agora serving target/site), in
// Debian's Chromium.
// Never downloads a browser.
import { defineConfig } from '@playwright/test';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const port = process.env.E2E_AGORA_PORT || '3100';
// A second server, on an empty database, for the tests that start a council from nothing.
const emptyPort = String(Number(port) + 1);
// A third, on a demo database it may only read (as when the disk is full or the database is
// a standby), for `faults.spec.mjs`.
const readOnlyPort = String(Number(port) + 2);
// `localhost`, not an IP address: passkeys need a domain name.
export const baseURL = `http://localhost:${port}`;

// CI machines run the suite two to three times slower than a developer's: every time budget
// stretches there alike (`budget` in tests/fixtures.mjs for the tests that set their own).
const slower = process.env.CI ? 3 : 1;

export default defineConfig({
  testDir: './tests',
  timeout: 60_000 * slower,
  expect: { timeout: 10_000 * slower },
  fullyParallel: true,
  workers: 2,
  // One retry on CI, reported as "flaky": rarely, under two parallel workers, Chromium shows a
  // page whose stylesheet did not apply (its cssRules unreadable, served from memory cache),
  // which fails axe's target-size check. Not yet explained; tracked in the issue notes.
  retries: process.env.CI ? 1 : 0,
  reporter: [['list']],
  use: {
    baseURL,
    browserName: 'chromium',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
  webServer: [
    {
      // A fresh SQLite database with the demo council for every run.
      command: `rm -rf end2end/.data && exec target/debug/agora serve --demo`,
      cwd: root,
      url: `http://127.0.0.1:${port}/`,
      reuseExistingServer: false,
      timeout: 60_000,
      stdout: 'pipe',
      env: {
        AGORA_ADDRESS: `127.0.0.1:${port}`,
        DATABASE_URL: 'sqlite://end2end/.data/agora.db?mode=rwc',
        AGORA_SITE_ROOT: 'target/site',
        // Every browser of the suite is a new participant arriving from 127.0.0.1.
        AGORA_NEW_PARTICIPANTS_ADDRESS: '100000/60',
        RUST_LOG: 'warn',
      },
    },
    {
      // An empty instance: no council, no demo (`setup.spec.mjs`).
      command: `rm -rf end2end/.data-empty && exec target/debug/agora serve`,
      cwd: root,
      url: `http://127.0.0.1:${emptyPort}/`,
      reuseExistingServer: false,
      timeout: 60_000,
      stdout: 'pipe',
      env: {
        AGORA_ADDRESS: `127.0.0.1:${emptyPort}`,
        AGORA_PUBLIC_URL: `http://localhost:${emptyPort}`,
        DATABASE_URL: 'sqlite://end2end/.data-empty/agora.db?mode=rwc',
        AGORA_SITE_ROOT: 'target/site',
        AGORA_NEW_PARTICIPANTS_ADDRESS: '100000/60',
        RUST_LOG: 'warn',
      },
    },
    {
      // The demo written first (`seed-demo`, which creates the seal key file), then served
      // from a connection that takes no writes.
      command:
        'rm -rf end2end/.data-ro && mkdir -p end2end/.data-ro && ' +
        "DATABASE_URL='sqlite://end2end/.data-ro/agora.db?mode=rwc' target/debug/agora seed-demo && " +
        'exec target/debug/agora serve',
      cwd: root,
      url: `http://127.0.0.1:${readOnlyPort}/`,
      reuseExistingServer: false,
      timeout: 60_000,
      stdout: 'pipe',
      env: {
        AGORA_ADDRESS: `127.0.0.1:${readOnlyPort}`,
        AGORA_PUBLIC_URL: `http://localhost:${readOnlyPort}`,
        DATABASE_URL: 'sqlite://end2end/.data-ro/agora.db?mode=ro',
        AGORA_SEAL_KEY_FILE: 'end2end/.data-ro/seal.key',
        AGORA_SITE_ROOT: 'target/site',
        RUST_LOG: 'error',
      },
    },
  ],
});

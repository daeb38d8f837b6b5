import { defineConfig, devices } from '@playwright/test';
import { E2E_ADMIN_EMAIL } from './e2e/support/accounts.ts';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './e2e/support/browser.ts';
import { E2E_SMTP_PORT } from './e2e/support/mail.ts';
import { SERVER_ENVIRONMENT, SERVER_NODE_FLAGS } from './src/server/platform/node-flags.ts';

const port = Number(process.env.E2E_PORT ?? 4319);
const baseURL = `http://127.0.0.1:${port}`;

export default defineConfig({
  testDir: 'e2e',
  // The SMTP capture the server's mail goes to (e2e/support/mail.ts), so tests can read what was sent.
  globalSetup: './e2e/global-setup.ts',
  fullyParallel: false,
  workers: 1,
  forbidOnly: Boolean(process.env.CI),
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['json', { outputFile: 'reports/e2e.json' }]],
  outputDir: 'test-results',
  use: {
    ...devices['Desktop Chrome'],
    baseURL,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS },
  },
  webServer: {
    // Serves the production build in dist/web: run `npm run build` first.
    command: `node ${SERVER_NODE_FLAGS.join(' ')} src/server/main.ts`,
    url: `${baseURL}/healthz`,
    reuseExistingServer: !process.env.CI,
    timeout: 120_000,
    stdout: 'ignore',
    stderr: 'pipe',
    env: {
      ...SERVER_ENVIRONMENT,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: 'memory://',
      NODE_ENV: 'test',
      LOG_LEVEL: 'warn',
      PUBLIC_URL: baseURL,
      // Lets parallel local runs serve their own build (`vite build --outDir …`); CI uses dist/web.
      STATIC_DIR: process.env.E2E_STATIC_DIR ?? 'dist/web',
      // A proof of work the browser solves in milliseconds, so the lead-capture test stays quick.
      ALTCHA_COST: '10',
      ALTCHA_MAX_COUNTER: '50',
      // Every test browser signs in from 127.0.0.1: the per-IP auth limit (proven by the integration
      // tests) would otherwise trip on the suite's own sign-ups. The admin console's specs all sign in
      // as the one admin address, more than the per-email limit (10 in 15 minutes) allows.
      AUTH_THROTTLE_MAX_PER_IP: '5000',
      AUTH_THROTTLE_MAX_PER_EMAIL: '200',
      // Likewise the public routes' per-IP limit (every page load asks GET /api/session).
      PUBLIC_REQUESTS_PER_IP_PER_MINUTE: '100000',
      // Verified sign-ups with this address become admins (the admin console tests).
      ADMIN_EMAILS: E2E_ADMIN_EMAIL,
      // Uploaded documents are processed by the job queue, which NODE_ENV=test leaves off: run it, and
      // poll often, so a document becomes ready within a second rather than five.
      JOBS_ENABLED: 'true',
      JOBS_POLL_INTERVAL_MS: '250',
      SMTP_URL: `smtp://127.0.0.1:${E2E_SMTP_PORT}?ignoreTLS=true`,
      // The tips a lead agrees to arrive within seconds rather than days (the default is 1d,5d,12d).
      EMAIL_TIPS_SCHEDULE: '2s,15s,20s',
    },
  },
});

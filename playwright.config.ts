import { defineConfig } from '@playwright/test';
import { existsSync } from 'node:fs';

/**
 * E2E tests run the built site (dist/) in a real Chromium. Playwright cannot
 * download its own browsers on these machines, so Debian's /usr/bin/chromium is
 * used when present; elsewhere (a laptop) Playwright's own browser works too.
 */
const systemChromium = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));
const PORT = Number(process.env.E2E_PORT ?? 4391);

export default defineConfig({
  testDir: 'tests/e2e',
  timeout: 30_000,
  fullyParallel: false,
  workers: 1,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    launchOptions: systemChromium
      ? {
          executablePath: systemChromium,
          args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run', '--disable-component-update', '--disable-sync'],
        }
      : {},
  },
  webServer: {
    command: `node scripts/serve.ts dist ${PORT}`,
    url: `http://127.0.0.1:${PORT}/`,
    reuseExistingServer: false,
    timeout: 20_000,
  },
});

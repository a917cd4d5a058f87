import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { chromium } from 'playwright-core';
import { describe } from 'vitest';

/** Debian's Chromium, which .ci/run installs. */
export const CHROMIUM = '/usr/bin/chromium';

if (!existsSync(CHROMIUM)) console.warn(`skipping browser tests: ${CHROMIUM} is absent (apt-get install chromium)`);
/** Browser tests run where Chromium is, and always in CI (which installs it): never skipped there. */
export const describeBrowser = existsSync(CHROMIUM) || process.env.CI ? describe : describe.skip;

/** Headless Chromium with the flags this machine needs (no sandbox as root, no background network). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}

/** Open a written report from file:// and wait until it has drawn. */
export async function openReport(page: Page, report: string): Promise<void> {
  await page.goto(pathToFileURL(report).href);
  await page.waitForFunction(() => (window as unknown as { hotwordsReady?: boolean }).hotwordsReady === true, null, { timeout: 15_000 });
}

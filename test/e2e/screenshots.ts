import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';

const screenshotDirectory = fileURLToPath(new URL('../../docs/screenshots', import.meta.url));

/** Saves the page as docs/screenshots/<name>.png, the pictures the docs show of the console. */
export async function saveScreenshot(page: Page, name: string): Promise<void> {
  mkdirSync(screenshotDirectory, { recursive: true });
  await page.screenshot({ path: join(screenshotDirectory, `${name}.png`), fullPage: true, animations: 'disabled' });
}

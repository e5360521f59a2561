// Prints a report page to PDF with Debian's Chromium (playwright-core; never a downloaded browser).
import { chromium } from 'playwright-core';

const CHROMIUM_PATH = '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

/** One browser per call: reports are built a few at a time, and a long-lived browser would hold memory between months. */
export async function printPdf(pages: readonly string[]): Promise<Buffer[]> {
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  try {
    const out: Buffer[] = [];
    for (const html of pages) {
      const page = await browser.newPage();
      await page.setContent(html, { waitUntil: 'load' });
      await page.evaluate(() => document.fonts.ready);
      out.push(await page.pdf({ format: 'A4', printBackground: true, displayHeaderFooter: false }));
      await page.close();
    }
    return out;
  } finally {
    await browser.close();
  }
}

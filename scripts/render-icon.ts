// Renders the Marketplace icon, media/provider-desk.png (128×128), from the activity bar's media/provider-desk.svg:
// the same outline drawn in white on a rounded, solid square, so it reads on light and dark Marketplace pages.
// A one-off: run `npx tsx scripts/render-icon.ts` after changing the SVG, and commit the PNG.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { chromium } from 'playwright-core';

const root = path.resolve(__dirname, '..');
const size = 128;
const background = '#4a2f8f';
const outline = fs.readFileSync(path.join(root, 'media', 'provider-desk.svg'), 'utf8')
  .replace(/ width="\d+" height="\d+"/, ` x="14" y="14" width="${size - 28}" height="${size - 28}" color="#ffffff"`);
const icon = `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 ${size} ${size}">`
  + `<rect width="${size}" height="${size}" rx="24" fill="${background}"/>${outline}</svg>`;

async function main(): Promise<void> {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_BIN ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const page = await browser.newPage({ viewport: { width: size, height: size }, deviceScaleFactor: 1 });
    await page.setContent(`<html><body style="margin:0;background:transparent">${icon}</body></html>`);
    const target = path.join(root, 'media', 'provider-desk.png');
    await page.locator('svg').first().screenshot({ path: target, omitBackground: true });
    console.log(`wrote ${path.relative(root, target)}`);
  } finally {
    await browser.close();
  }
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});

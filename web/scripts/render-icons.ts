// Writes the app icon files in web/public from one mark: the SVG, PNGs rendered by headless Chromium, and a
// favicon.ico wrapping PNGs. Run after changing the mark: `npx tsx web/scripts/render-icons.ts`.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const PUBLIC = fileURLToPath(new URL('../public/', import.meta.url));
const ACCENT = '#2459c7'; // --accent in src/styles.css
const CHECK = 'M150 262l70 70 142-152';

/** The mark: a white check in a rounded accent square. `bleed` fills the whole square and shrinks the check
 * into the safe zone, for maskable and Apple icons that platforms crop themselves. */
function mark({ bleed }: { bleed: boolean }): string {
  const check = `<path d="${CHECK}" fill="none" stroke="#fff" stroke-width="48" stroke-linecap="round" stroke-linejoin="round"/>`;
  return [
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 512 512">',
    `<rect width="512" height="512" rx="${bleed ? 0 : 112}" fill="${ACCENT}"/>`,
    bleed ? `<g transform="translate(256 256) scale(0.8) translate(-256 -256)">${check}</g>` : check,
    '</svg>',
    '',
  ].join('\n');
}

/** An ICO file whose entries are PNGs (supported by every browser that reads favicon.ico). */
function ico(images: readonly { size: number; png: Buffer }[]): Buffer {
  const header = Buffer.alloc(6 + 16 * images.length);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2); // 1 = icon
  header.writeUInt16LE(images.length, 4);
  let offset = header.length;
  images.forEach(({ size, png }, i) => {
    const entry = 6 + 16 * i;
    header.writeUInt8(size >= 256 ? 0 : size, entry); // 0 means 256
    header.writeUInt8(size >= 256 ? 0 : size, entry + 1);
    header.writeUInt16LE(1, entry + 4); // colour planes
    header.writeUInt16LE(32, entry + 6); // bits per pixel
    header.writeUInt32LE(png.length, entry + 8);
    header.writeUInt32LE(offset, entry + 12);
    offset += png.length;
  });
  return Buffer.concat([header, ...images.map((image) => image.png)]);
}

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--headless', '--no-sandbox'] });
try {
  const page = await browser.newPage();
  const render = async (svg: string, size: number): Promise<Buffer> => {
    await page.setViewportSize({ width: size, height: size });
    const src = `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
    await page.setContent(`<style>*{margin:0}img{display:block}</style><img src="${src}" width="${size}" height="${size}">`);
    return page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
  };
  const rounded = mark({ bleed: false });
  const bleed = mark({ bleed: true });
  const favicons = [];
  for (const size of [16, 32, 48]) favicons.push({ size, png: await render(rounded, size) });
  const files: Record<string, string | Buffer> = {
    'icon.svg': rounded,
    'icon-192.png': await render(rounded, 192),
    'icon-512.png': await render(rounded, 512),
    'icon-maskable-512.png': await render(bleed, 512),
    'apple-touch-icon.png': await render(bleed, 180),
    'favicon.ico': ico(favicons),
  };
  for (const [name, content] of Object.entries(files)) writeFileSync(path.join(PUBLIC, name), content);
  console.log(`wrote ${Object.keys(files).join(', ')} to ${PUBLIC}`);
} finally {
  await browser.close();
}

import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const fontDir = join(dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');

/**
 * The TTF files every renderer uses. They come from an npm package, never from the host, so
 * PNG and PDF output are the same on every machine.
 */
export const FONT_FILES = {
  regular: join(fontDir, 'DejaVuSans.ttf'),
  bold: join(fontDir, 'DejaVuSans-Bold.ttf'),
} as const;

/** The family name inside the TTFs; the SVG asks for exactly this family first. */
export const FONT_FAMILY = 'DejaVu Sans';

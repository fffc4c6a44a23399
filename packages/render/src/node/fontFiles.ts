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

export { FONT_FAMILY } from './fontFamily';

// The package's exports hide package.json; its entry point sits in dist/, the fonts beside it.
const cjkDir = join(dirname(require.resolve('@embedpdf/fonts-sc')), '..', 'fonts');

/**
 * Fallback for the CJK characters DejaVu lacks: Noto Sans Hans (Simplified Chinese, GB2312, plus
 * many Traditional characters and Japanese kana; Hangul comes from the Korean fallback below). Only
 * the characters a map uses are copied into a small subset before any renderer sees it.
 */
export const CJK_FONT_FILES = {
  regular: join(cjkDir, 'NotoSansHans-Regular.otf'),
  bold: join(cjkDir, 'NotoSansHans-Bold.otf'),
} as const;

const koreanDir = join(dirname(require.resolve('@embedpdf/fonts-kr')), '..', 'fonts');

/** Second fallback, for what Noto Sans Hans lacks: Hangul (syllables and jamo) from Noto Sans KR. */
export const KOREAN_FONT_FILES = {
  regular: join(koreanDir, 'NotoSansKR-Regular.otf'),
  bold: join(koreanDir, 'NotoSansKR-Bold.otf'),
} as const;

export const CJK_FONT_FAMILY = 'Noto Sans Hans';

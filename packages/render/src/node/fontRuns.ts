/** Fonts by role, named however the renderer names them (pdfkit names, file paths). */
export interface FaceFonts {
  regular: string;
  bold: string;
  /** Fonts for the characters the bundled face lacks (CJK). */
  fallback?: { regular: string; bold: string; characters: ReadonlySet<string> };
}

/** A stretch of a line set in one font. */
export interface FontRun {
  text: string;
  font: string;
}

/** Splits a line into runs of one font each: the bundled face, or the fallback where it has the glyph. */
export function fontRuns(line: string, isBold: boolean, fonts: FaceFonts): FontRun[] {
  const primary = isBold ? fonts.bold : fonts.regular;
  const fallback = fonts.fallback;
  if (!fallback) return [{ text: line, font: primary }];
  const secondary = isBold ? fallback.bold : fallback.regular;
  const runs: FontRun[] = [];
  for (const char of line) {
    const font = fallback.characters.has(char) ? secondary : primary;
    const last = runs[runs.length - 1];
    if (last?.font === font) last.text += char;
    else runs.push({ text: char, font });
  }
  return runs;
}

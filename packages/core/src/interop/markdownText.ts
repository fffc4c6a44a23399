/**
 * Escapes user text for Markdown: HTML-significant characters become entities (so `<script>`
 * shows as text in every renderer) and Markdown punctuation gets a backslash. Line breaks become
 * spaces unless `breaks` is set, in which case they become `<br>` (our own tag, for table cells).
 */
export function escapeMarkdown(text: string, options: { breaks?: boolean } = {}): string {
  const escaped = text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/([\\`*_[\]|#~!{}])/g, '\\$1')
    .replace(/^(\s*)([-+]|\d+\.)(\s)/gm, '$1\\$2$3');
  return escaped.replace(/\r\n|\r|\n/g, options.breaks ? '<br>' : ' ').trim();
}

/** Escapes a paragraph: keeps its line breaks as Markdown hard breaks. */
export const escapeParagraph = (text: string) =>
  text
    .split(/\r\n|\r|\n/)
    .map((line) => escapeMarkdown(line))
    .join('  \n');

/** A Markdown table; cells are escaped here, headers too. */
export function table(headers: string[], rows: string[][]): string[] {
  const cell = (value: string) => escapeMarkdown(value, { breaks: true }) || ' ';
  return [
    `| ${headers.map(cell).join(' | ')} |`,
    `| ${headers.map(() => '---').join(' | ')} |`,
    ...rows.map((row) => `| ${row.map(cell).join(' | ')} |`),
  ];
}

/** Emoji for a score when the point has none of its own. */
export function scoreEmoji(score: number): string {
  if (score <= -1.5) return '😠';
  if (score <= -0.5) return '🙁';
  if (score < 0.5) return '😐';
  if (score < 1.5) return '🙂';
  return '😄';
}

export const signed = (score: number) => (score > 0 ? `+${score}` : String(score));

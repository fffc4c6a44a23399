export { toMermaid } from './toMermaid';
export { fromMermaid, type FromMermaidOptions } from './fromMermaid';
export { toMarkdown } from './toMarkdown';
export { escapeMarkdown } from './markdownText';
export { toCsv } from './toCsv';
export { fromCsv, type FromCsvOptions } from './fromCsv';
export { guardCell, unguardCell } from './csvGuard';

import { toCsv, toMarkdown, toMermaid } from '@trailmap/core';
import type { ExportFormat } from './types';

/** Text views of a map for other tools: a readable report, a spreadsheet grid, a Mermaid diagram. */
export const INTEROP_FORMATS: ExportFormat[] = [
  {
    id: 'md',
    extension: '.md',
    description: 'Markdown report (persona, lanes, emotions, pain points, opportunities)',
    isBinary: false,
    render: ({ doc }) => toMarkdown(doc),
  },
  {
    id: 'csv',
    extension: '.csv',
    description: 'CSV grid: stages as columns, lanes as rows (formula-injection safe)',
    isBinary: false,
    render: ({ doc }) => toCsv(doc),
  },
  {
    id: 'mermaid',
    extension: '.mmd',
    description: 'Mermaid journey diagram',
    isBinary: false,
    render: ({ doc }) => toMermaid(doc),
  },
];

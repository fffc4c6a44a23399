import { toCanonicalJson, toYaml } from '@trailmap/core';
import type { ExportFormat } from './types';

/** The journey document itself, in its two canonical text forms. */
export const DOCUMENT_FORMATS: ExportFormat[] = [
  {
    id: 'json',
    extension: '.journey.json',
    description: 'Canonical journey JSON',
    isBinary: false,
    render: ({ doc }) => toCanonicalJson(doc),
  },
  {
    id: 'yaml',
    extension: '.journey.yaml',
    description: 'Journey YAML (same content as the JSON)',
    isBinary: false,
    render: ({ doc }) => toYaml(doc),
  },
];

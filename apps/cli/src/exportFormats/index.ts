import { CliError, EXIT } from '../errors';
import { DOCUMENT_FORMATS } from './documentFormats';
import { INTEROP_FORMATS } from './interopFormats';
import { RENDER_FORMATS } from './render';
import type { ExportFormat, ExportOption } from './types';

export type { ExportFormat, ExportOption, ExportRequest } from './types';

/**
 * Every format of `trailmap export`, in the order `--help` lists them. To add formats, export
 * an `ExportFormat[]` from a module in this folder and spread it here (see `types.ts`).
 */
export const EXPORT_FORMATS: readonly ExportFormat[] = [
  ...DOCUMENT_FORMATS,
  ...INTEROP_FORMATS,
  ...RENDER_FORMATS,
];

/** @throws CliError (usage, exit 2) for an unknown format id */
export function getExportFormat(id: string): ExportFormat {
  const format = EXPORT_FORMATS.find((candidate) => candidate.id === id);
  if (!format) {
    throw new CliError(
      `unknown export format "${id}"; choose one of ${EXPORT_FORMATS.map((f) => f.id).join(', ')}`,
      EXIT.usage,
    );
  }
  return format;
}

/** The options of all formats, each flag once (first declaration wins). */
export function exportOptions(): ExportOption[] {
  const seen = new Map<string, ExportOption>();
  for (const format of EXPORT_FORMATS) {
    for (const option of format.options ?? []) {
      const name = option.flags.split(/[ ,]/).find((part) => part.startsWith('--')) ?? option.flags;
      if (!seen.has(name)) seen.set(name, option);
    }
  }
  return [...seen.values()];
}

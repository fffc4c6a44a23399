import type { Journey } from '@trailmap/schema';

/**
 * An extra command-line option a format understands (`--theme`, `--paper`, `--scale`). The
 * `export` command declares the union of all formats' options; a format reads its own from
 * `ExportRequest.options` (keys are commander's camelCase names, values strings unless `parse`
 * is given) and throws `CliError(message, EXIT.usage)` for values it cannot use.
 */
export interface ExportOption {
  /** Commander flags, e.g. `'--theme <name>'`. Two formats may share a flag; it is declared once. */
  flags: string;
  description: string;
  /** Shown in --help and passed when the option is not given. */
  defaultValue?: string;
  choices?: readonly string[];
  /** Turns the raw string into the value the format wants (e.g. `Number`). */
  parse?: (value: string) => unknown;
}

/** What a format gets to produce one output. */
export interface ExportRequest {
  doc: Journey;
  /** The source file (for messages and relative paths). */
  sourceFile: string;
  /** All parsed options of the `export` command, including other formats' options. */
  options: Record<string, unknown>;
}

/**
 * One output format of `trailmap export`. The registry lives in `./index.ts`
 * (`EXPORT_FORMATS`): a module adds formats by exporting an `ExportFormat[]` and appending it
 * there, one line. The `export` command handles reading, `-o FILE` / stdout, batches over many
 * inputs with `--out-dir DIR` (one output per input, named `<input name><extension>`), a
 * progress bar on a terminal, and atomic writes; a format only turns a document into bytes.
 *
 * - Text formats return a string; binary formats (`isBinary: true`: png, pdf, xlsx) return a
 *   `Uint8Array` and are never written to stdout (the command then requires `-o`/`--out-dir`).
 * - `render` may be async and may lazily import heavy modules, so `trailmap --help` stays fast.
 * - Expected failures throw `TrailmapError` or `CliError`; anything else is an internal error.
 *
 * @example
 * export const RENDER_FORMATS: ExportFormat[] = [{
 *   id: 'svg', extension: '.svg', description: 'Poster as SVG', isBinary: false,
 *   options: [{ flags: '--theme <name>', description: 'color theme', defaultValue: 'light' }],
 *   render: async ({ doc, options }) => (await import('@trailmap/render')).renderSvg(doc, options),
 * }];
 */
export interface ExportFormat {
  /** The value of `--format`, e.g. `md`. */
  id: string;
  /** Output file extension including the dot, e.g. `.md` or `.journey.yaml`. */
  extension: string;
  description: string;
  isBinary: boolean;
  options?: readonly ExportOption[];
  render: (request: ExportRequest) => string | Uint8Array | Promise<string | Uint8Array>;
}

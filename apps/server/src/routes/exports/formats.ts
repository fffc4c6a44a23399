import { toCanonicalJson, toCsv, toMarkdown, toMermaid, toYaml } from '@trailmap/core';
import { renderPdf, renderPng, renderSvg, toXlsx } from '@trailmap/render/node';
import type { Journey } from '@trailmap/schema';
import type { ExportFormat, ExportOptions } from './schema';

/** Largest PNG the server renders (width × height); the renderer's own default suits the CLI, not a shared server. */
const MAX_PNG_PIXELS = 40_000_000;

const CONTENT_TYPES: Record<ExportFormat, string> = {
  svg: 'image/svg+xml; charset=utf-8',
  png: 'image/png',
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  md: 'text/markdown; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
  json: 'application/json; charset=utf-8',
  yaml: 'application/yaml; charset=utf-8',
  mermaid: 'text/plain; charset=utf-8',
};

const EXTENSIONS: Record<ExportFormat, string> = {
  svg: 'svg',
  png: 'png',
  pdf: 'pdf',
  xlsx: 'xlsx',
  md: 'md',
  csv: 'csv',
  json: 'journey.json',
  yaml: 'journey.yaml',
  mermaid: 'mmd',
};

export interface ExportFile {
  body: Buffer;
  contentType: string;
  extension: string;
}

/** Produces one export of a document; the producers escape user text for their format. */
export async function produceExport(doc: Journey, options: ExportOptions): Promise<ExportFile> {
  const { format } = options;
  return {
    body: await render(doc, options),
    contentType: CONTENT_TYPES[format],
    extension: EXTENSIONS[format],
  };
}

async function render(doc: Journey, options: ExportOptions): Promise<Buffer> {
  const theme = options.theme ?? 'light';
  switch (options.format) {
    case 'svg':
      return Buffer.from(renderSvg(doc, { theme, embedFont: true }));
    case 'png':
      return renderPng(doc, {
        theme,
        maxPixels: MAX_PNG_PIXELS,
        ...(options.paper ? { paper: options.paper, dpi: options.dpi ?? 150 } : {}),
        ...(!options.paper && options.dpi !== undefined ? { dpi: options.dpi } : {}),
        ...(options.scale !== undefined ? { scale: options.scale } : {}),
      });
    case 'pdf':
      return renderPdf(doc, {
        theme,
        ...(options.paper ? { paper: options.paper } : {}),
        ...(options.orientation ? { orientation: options.orientation } : {}),
      });
    case 'xlsx':
      return toXlsx(doc);
    case 'md':
      return Buffer.from(toMarkdown(doc));
    case 'csv':
      return Buffer.from(toCsv(doc));
    case 'json':
      return Buffer.from(toCanonicalJson(doc));
    case 'yaml':
      return Buffer.from(toYaml(doc));
    case 'mermaid':
      return Buffer.from(toMermaid(doc));
  }
}

/**
 * A download name safe in any file system and header: the title reduced to lowercase ASCII
 * letters, digits and dashes (at most 80), `journey` when nothing is left.
 */
export function exportFilename(title: string, extension: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/g, '');
  return `${slug || 'journey'}.${extension}`;
}

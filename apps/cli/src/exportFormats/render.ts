import { PAPER_NAMES, THEME_NAMES, paperByName, type ThemeName } from '@trailmap/render';
import { CliError, EXIT } from '../errors';
import type { ExportFormat, ExportOption, ExportRequest } from './types';

/** Options shared by the poster formats; values reach `render` as commander camelCase keys. */
const POSTER_OPTIONS: ExportOption[] = [
  {
    flags: '--theme <name>',
    description: 'color theme of posters',
    defaultValue: 'light',
    choices: THEME_NAMES,
  },
  { flags: '--map-version <label>', description: 'version shown in the poster title block, e.g. v3' },
  {
    flags: '--date <YYYY-MM-DD>',
    description: "date shown in the poster title block (default: today's date)",
  },
];

const number = (flag: string) => (value: string) => {
  const parsed = Number(value);
  if (!Number.isFinite(parsed) || parsed <= 0)
    throw new CliError(`${flag} must be a positive number, got "${value}"`, EXIT.usage);
  return parsed;
};

function posterOptions({ options }: ExportRequest) {
  const date = typeof options.date === 'string' ? options.date : new Date().toISOString().slice(0, 10);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date))
    throw new CliError(`--date must look like 2026-11-23, got "${date}"`, EXIT.usage);
  return {
    theme: (options.theme ?? 'light') as ThemeName,
    date,
    ...(typeof options.mapVersion === 'string' ? { version: options.mapVersion } : {}),
  };
}

/** Poster and spreadsheet formats from `@trailmap/render` (loaded lazily: resvg, pdfkit, exceljs are heavy). */
export const RENDER_FORMATS: ExportFormat[] = [
  {
    id: 'svg',
    extension: '.svg',
    description: 'Poster as SVG (self-contained: font embedded)',
    isBinary: false,
    options: POSTER_OPTIONS,
    render: async (request) =>
      (await import('@trailmap/render/node')).renderSvg(request.doc, posterOptions(request)),
  },
  {
    id: 'png',
    extension: '.png',
    description: 'Poster as PNG (--scale 2 for screens, --dpi 300 for print)',
    isBinary: true,
    options: [
      ...POSTER_OPTIONS,
      { flags: '--scale <factor>', description: 'PNG pixel ratio (default 2)', parse: number('--scale') },
      {
        flags: '--dpi <dots>',
        description: 'PNG resolution in dots per inch; overrides --scale',
        parse: number('--dpi'),
      },
    ],
    render: async (request) => {
      const { renderPng } = await import('@trailmap/render/node');
      const { scale, dpi } = request.options as { scale?: number; dpi?: number };
      return renderPng(request.doc, {
        ...posterOptions(request),
        scale: scale ?? 2,
        ...(dpi ? { dpi } : {}),
      });
    },
  },
  {
    id: 'pdf',
    extension: '.pdf',
    description: 'Poster as PDF on real paper, tiled when the map is too wide',
    isBinary: true,
    options: [
      ...POSTER_OPTIONS,
      { flags: '--paper <size>', description: `paper size: ${PAPER_NAMES.join(', ')}`, defaultValue: 'A3' },
      {
        flags: '--orientation <which>',
        description: 'page orientation (auto: landscape for maps wider than tall)',
        defaultValue: 'auto',
        choices: ['auto', 'landscape', 'portrait'],
      },
    ],
    render: async (request) => {
      const { renderPdf } = await import('@trailmap/render/node');
      const { paper, orientation } = request.options as {
        paper?: string;
        orientation?: 'landscape' | 'portrait';
      };
      let paperName;
      try {
        paperName = paperByName(paper ?? 'A3');
      } catch (error) {
        throw new CliError((error as Error).message, EXIT.usage);
      }
      return renderPdf(request.doc, {
        ...posterOptions(request),
        paper: paperName,
        orientation: orientation ?? 'auto',
      });
    },
  },
  {
    id: 'xlsx',
    extension: '.xlsx',
    description: 'Spreadsheet: grid, cards, emotions, action plan, personas, evidence',
    isBinary: true,
    render: async ({ doc }) => (await import('@trailmap/render/node')).toXlsx(doc),
  },
];

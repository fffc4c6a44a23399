import { z } from 'zod';
import { PAPER_NAMES, THEME_NAMES, type PaperName } from '@trailmap/render';
import { MapParams } from '../maps/schema';

export const EXPORT_FORMATS = ['svg', 'png', 'pdf', 'xlsx', 'md', 'csv', 'json', 'yaml', 'mermaid'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export { MapParams };

export const ExportQuery = z.strictObject({
  format: z.enum(EXPORT_FORMATS),
  theme: z.enum(THEME_NAMES).optional().meta({ description: 'svg, png and pdf only; default light' }),
  paper: z
    .enum(PAPER_NAMES as [PaperName, ...PaperName[]])
    .optional()
    .meta({ description: 'pdf (default A3) or png (sized to fill the paper at `dpi`)' }),
  orientation: z.enum(['landscape', 'portrait', 'auto']).optional().meta({ description: 'pdf only' }),
  scale: z.coerce.number().min(0.25).max(4).optional().meta({ description: 'png pixel ratio; default 1' }),
  dpi: z.coerce.number().int().min(36).max(600).optional().meta({ description: 'png dots per inch' }),
});
export type ExportOptions = z.infer<typeof ExportQuery>;

export const TokenParams = z.strictObject({ token: z.string().max(200) });

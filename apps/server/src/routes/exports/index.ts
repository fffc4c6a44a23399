import type { AppServices } from '../../app';
import type { ZodApp } from '../types';
import { registerEmbed } from './embed';
import { createExporter } from './exportService';
import { registerMapExport } from './exports';

/** Map exports, the embed page and the share-link lookup, sharing one cache of rendered files. */
export function registerExports(app: ZodApp, services: AppServices) {
  const exportSnapshot = createExporter();
  registerMapExport(app, services, exportSnapshot);
  registerEmbed(app, services, exportSnapshot);
}

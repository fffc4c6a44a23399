import { TEMPLATES, createFromTemplate, type CommandContext } from '@trailmap/core';
import { CURRENT_SCHEMA_VERSION, type Journey, type MapType } from '@trailmap/schema';
import { newRecordId } from '../../ids';

export interface TemplateSummary {
  id: string;
  name: string;
  description: string;
  mapType: string;
}

/** The built-in templates offered by `GET /api/v1/templates` and used by `--demo`. */
export const listTemplates = (): TemplateSummary[] =>
  TEMPLATES.map(({ id, name, description, mapType }) => ({ id, name, description, mapType }));

export const commandContext = (now: () => string, actorId: string | null): CommandContext => ({
  newId: newRecordId,
  now,
  ...(actorId ? { actor: { id: actorId } } : {}),
});

/** A new empty map: no stages, lanes or cards yet. */
export const blankMap = (title: string, type: MapType): Journey => ({
  schemaVersion: CURRENT_SCHEMA_VERSION,
  map: { id: newRecordId('map'), title, type, expectations: [], tags: [] },
  personas: [],
  stages: [],
  steps: [],
  lanes: [],
  cards: [],
  emotions: [],
  connections: [],
  opportunities: [],
  evidence: [],
  metricBindings: [],
});

/** @throws TrailmapError `TEMPLATE_NOT_FOUND` (404) */
export const mapFromTemplate = (
  templateId: string,
  title: string | undefined,
  ctx: CommandContext,
): Journey => createFromTemplate(templateId, { ...(title ? { title } : {}), ctx });

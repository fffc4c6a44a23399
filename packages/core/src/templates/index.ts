import { ID_PREFIXES, TrailmapError, type Journey, type LaneKind, type MapType } from '@trailmap/schema';
import type { CommandContext } from '../commands/defineCommand';
import { buildFromSpec, type TemplateIdSource } from './build';
import { TEMPLATE_SPECS } from './library';
import type { TemplateSpec } from './spec';

/** What a template offers, for pickers (`trailmap templates`, the web "new map" dialog). */
export interface TemplateInfo {
  id: string;
  name: string;
  description: string;
  mapType: MapType;
  stageCount: number;
  stepCount: number;
  stageNames: string[];
  laneKinds: LaneKind[];
  cardCount: number;
  opportunityCount: number;
  hasPersona: boolean;
  /** Template id of the map this one is compared with (future-state → current-state). */
  pairedWith?: string;
}

/** The date example documents are built for, so `templateExample` is fully deterministic. */
export const TEMPLATE_REFERENCE_DATE = '2026-01-05';

const describe = (spec: TemplateSpec): TemplateInfo => ({
  id: spec.id,
  name: spec.name,
  description: spec.description,
  mapType: spec.map.type,
  stageCount: spec.stages.length,
  stepCount: spec.stages.reduce((sum, stage) => sum + (stage.steps?.length ?? 0), 0),
  stageNames: spec.stages.map((stage) => stage.name),
  laneKinds: spec.lanes.map((lane) => lane.kind),
  cardCount: Object.values(spec.cells ?? {}).reduce(
    (sum, cells) => sum + Object.values(cells).reduce((inner, list) => inner + list.length, 0),
    0,
  ),
  opportunityCount: spec.opportunities?.length ?? 0,
  hasPersona: spec.persona !== undefined,
  ...(spec.pairedWith === undefined ? {} : { pairedWith: spec.pairedWith }),
});

/** Every built-in template, in the order pickers show them. */
export const TEMPLATES: TemplateInfo[] = TEMPLATE_SPECS.map(describe);

function specFor(templateId: string): TemplateSpec {
  const spec = TEMPLATE_SPECS.find((candidate) => candidate.id === templateId);
  if (!spec) {
    throw new TrailmapError(
      'TEMPLATE_NOT_FOUND',
      `unknown template "${templateId}"; available: ${TEMPLATE_SPECS.map((s) => s.id).join(', ')}`,
      { status: 404, details: { templateId, available: TEMPLATE_SPECS.map((s) => s.id) } },
    );
  }
  return spec;
}

/** @throws TrailmapError `TEMPLATE_NOT_FOUND` (404) */
export const getTemplate = (templateId: string): TemplateInfo => describe(specFor(templateId));

export interface CreateFromTemplateOptions {
  ctx: CommandContext;
  /** Replaces the template's example title. */
  title?: string;
  /** `YYYY-MM-DD` that deadlines, evidence dates and the next review are placed around; default: `ctx.now()`'s date. */
  today?: string;
  /**
   * For templates that compare with another map (future-state): the map to link in `map.compare`.
   * Without it the new map has no `compare` link, because a link to a map that does not exist
   * would fail the CLI's link check. Use {@link createTemplatePair} to get both maps at once.
   */
  compareWith?: { mapId: string; title?: string; file?: string };
}

const freshIds =
  (ctx: CommandContext): TemplateIdSource =>
  (kind) =>
    ctx.newId(kind);

const todayOf = (options: { ctx: CommandContext; today?: string }) =>
  options.today ?? options.ctx.now().slice(0, 10);

/**
 * Creates a new journey from a built-in template; every id comes from `ctx.newId`, so two maps
 * made from one template never share ids.
 * @throws TrailmapError `TEMPLATE_NOT_FOUND` (404)
 * @example
 * const doc = createFromTemplate('ecommerce', { title: 'Checkout study', ctx });
 */
export function createFromTemplate(templateId: string, options: CreateFromTemplateOptions): Journey {
  const spec = specFor(templateId);
  const doc = buildFromSpec(spec, {
    ids: freshIds(options.ctx),
    today: todayOf(options),
    ...(options.title === undefined ? {} : { title: options.title }),
  });
  if (!options.compareWith || spec.pairedWith === undefined) return doc;
  return {
    ...doc,
    map: { ...doc.map, compare: { relation: 'current-state', ...options.compareWith } },
  };
}

export interface TemplatePair {
  current: Journey;
  future: Journey;
}

/**
 * Creates the current-state and future-state maps of a redesign together. The future map's
 * `map.compare` points at the current map, and records that stand for the same thing (stages,
 * lanes, persona, kept cards) get the same id in both maps, so `diffJourneys(current, future)`
 * shows what the redesign changes rather than two unrelated documents.
 * @param options.currentFile - path written into `future.map.compare.file` (e.g. `current.journey.json`)
 */
export function createTemplatePair(options: {
  ctx: CommandContext;
  title?: string;
  currentTitle?: string;
  currentFile?: string;
  today?: string;
}): TemplatePair {
  const shared = new Map<string, string>();
  const ids: TemplateIdSource = (kind, key, isShared) => {
    if (!isShared) return options.ctx.newId(kind);
    const memo = `${kind}|${key}`;
    let id = shared.get(memo);
    if (id === undefined) {
      id = options.ctx.newId(kind);
      shared.set(memo, id);
    }
    return id;
  };
  const today = todayOf(options);
  const current = buildFromSpec(specFor('current-state'), {
    ids,
    today,
    ...(options.currentTitle === undefined ? {} : { title: options.currentTitle }),
  });
  const future = buildFromSpec(specFor('future-state'), {
    ids,
    today,
    ...(options.title === undefined ? {} : { title: options.title }),
  });
  future.map.compare = {
    mapId: current.map.id,
    relation: 'current-state',
    title: current.map.title,
    ...(options.currentFile === undefined ? {} : { file: options.currentFile }),
  };
  return { current, future };
}

/**
 * The template's example document with stable, readable ids (`stage:discover`, `lane:actions`)
 * and dates around {@link TEMPLATE_REFERENCE_DATE}; the same on every call. The future-state
 * example links to the current-state example's map id.
 * @throws TrailmapError `TEMPLATE_NOT_FOUND` (404)
 */
export function templateExample(templateId: string): Journey {
  const spec = specFor(templateId);
  const readable: TemplateIdSource = (kind, key) => `${ID_PREFIXES[kind]}:${key}`;
  const doc = buildFromSpec(spec, { ids: readable, today: TEMPLATE_REFERENCE_DATE });
  if (spec.pairedWith === undefined) return doc;
  const other = specFor(spec.pairedWith);
  doc.map.compare = {
    mapId: `${ID_PREFIXES.map}:${other.map.key}`,
    relation: 'current-state',
    title: other.map.title,
  };
  return doc;
}

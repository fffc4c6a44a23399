import { persona as personaOf } from '@trailmap/core';
import type { Journey } from '@trailmap/schema';
import { hasGlyphs } from '../text/measure';
import { drawLegend, legendHeight, LEGEND_WIDTH } from './legend';
import type { Model } from './model';
import { Scene } from './scene';

const PERSONA_WIDTH = 400;
const PANEL_PADDING = 16;
/** Past this, lines get too long to read; wide maps leave the rest of the header empty. */
const MAX_SCENARIO_WIDTH = 760;
const MAX_TITLE_WIDTH = 1400;

export const MAP_TYPE_LABELS: Record<Journey['map']['type'], string> = {
  'current-state': 'Current-state journey map',
  'future-state': 'Future-state journey map',
  'day-in-the-life': 'Day in the life',
  'service-blueprint': 'Service blueprint',
  'experience-map': 'Experience map',
};

function personaPanel(
  scene: Scene,
  model: Model,
  x: number,
  y: number,
  width: number,
  isDryRun: boolean,
): number {
  const persona = personaOf(model.doc);
  const target = isDryRun ? new Scene() : scene;
  const inner = width - 2 * PANEL_PADDING - 60;
  const textX = x + PANEL_PADDING + 60;
  let cursor = y + PANEL_PADDING;
  target.text('text.muted', 'PERSONA', textX, cursor, { size: 10, weight: 'bold', maxWidth: inner });
  cursor += 16;
  if (!persona) {
    cursor += target.text('text.muted', 'No persona chosen for this map', textX, cursor, {
      size: 13,
      maxWidth: inner,
    });
  } else {
    cursor += target.text('text.strong', persona.name, textX, cursor, {
      size: 17,
      weight: 'bold',
      maxWidth: inner,
      maxLines: 2,
    });
    if (persona.role)
      cursor += target.text('text.muted', persona.role, textX, cursor, {
        size: 12,
        maxWidth: inner,
        maxLines: 2,
      });
    if (persona.quote) {
      cursor += 6;
      cursor += target.text('text', `“${persona.quote}”`, textX, cursor, {
        size: 12,
        maxWidth: inner,
        maxLines: 3,
      });
    }
    const lists: [string, string[]][] = [
      ['Goals', persona.goals],
      ['Needs', persona.needs],
      ['Frustrations', persona.frustrations],
    ];
    for (const [label, items] of lists) {
      if (items.length === 0) continue;
      cursor += 6;
      cursor += target.text('text', `${label}: ${items.slice(0, 3).join(' · ')}`, textX, cursor, {
        size: 11,
        maxWidth: inner,
        maxLines: 2,
      });
    }
  }
  const height = Math.max(cursor - y + PANEL_PADDING, 96);
  if (!isDryRun) {
    scene.circle('panel.accent', x + PANEL_PADDING + 24, y + PANEL_PADDING + 26, 24, persona?.id);
    const avatar =
      persona?.avatar && hasGlyphs(persona.avatar, 'bold') ? persona.avatar : initials(persona?.name ?? '?');
    scene.text('text.onAccent', avatar, x + PANEL_PADDING, y + PANEL_PADDING + 14, {
      size: 17,
      weight: 'bold',
      maxWidth: 48,
      maxLines: 1,
      anchor: 'middle',
    });
  }
  return height;
}

const initials = (name: string) =>
  name
    .split(/\s+/u)
    .filter(Boolean)
    .slice(0, 2)
    .map((word) => [...word][0]!.toUpperCase())
    .join('') || '?';

function scenarioPanel(target: Scene, model: Model, x: number, y: number, width: number): number {
  const { map } = model.doc;
  const inner = width - 2 * PANEL_PADDING;
  let cursor = y + PANEL_PADDING;
  target.text('text.muted', 'SCENARIO', x + PANEL_PADDING, cursor, {
    size: 10,
    weight: 'bold',
    maxWidth: inner,
  });
  cursor += 16;
  const scenario = map.scenario ?? map.description ?? 'No scenario written yet';
  cursor += target.text('text', scenario, x + PANEL_PADDING, cursor, {
    size: 13,
    maxWidth: inner,
    maxLines: 4,
  });
  if (map.expectations.length > 0) {
    cursor += 10;
    target.text('text.muted', 'EXPECTATIONS', x + PANEL_PADDING, cursor, {
      size: 10,
      weight: 'bold',
      maxWidth: inner,
    });
    cursor += 16;
    for (const expectation of map.expectations.slice(0, 4)) {
      cursor += target.text('text', `•  ${expectation}`, x + PANEL_PADDING, cursor, {
        size: 12,
        maxWidth: inner,
        maxLines: 2,
      });
    }
  }
  return cursor - y + PANEL_PADDING;
}

/**
 * Title, map type and tags on top; below them the persona, the scenario with expectations and the
 * legend side by side, all panels the same height. Returns the bottom y.
 */
export function drawHeader(scene: Scene, model: Model, x: number, y: number, width: number): number {
  const { map } = model.doc;
  let cursor = y;
  cursor += scene.text('text.strong', map.title, x, cursor, {
    size: 30,
    weight: 'bold',
    maxWidth: Math.min(width, MAX_TITLE_WIDTH),
    maxLines: 2,
    lineHeight: 38,
  });
  const subtitle = [MAP_TYPE_LABELS[map.type], ...map.tags.map((tag) => `#${tag}`)].join('   ');
  cursor +=
    4 +
    scene.text('text.muted', subtitle, x, cursor + 4, {
      size: 13,
      maxWidth: Math.min(width, MAX_TITLE_WIDTH),
      maxLines: 1,
    });
  cursor += 20;

  const legendWidth = LEGEND_WIDTH;
  const scenarioWidth = Math.min(width - PERSONA_WIDTH - legendWidth - 32, MAX_SCENARIO_WIDTH);
  const panelHeight = Math.max(
    personaPanel(scene, model, x, cursor, PERSONA_WIDTH, true),
    scenarioPanel(new Scene(), model, 0, 0, scenarioWidth),
    legendHeight(model),
  );
  scene.rect('panel', x, cursor, PERSONA_WIDTH, panelHeight, { radius: 10 });
  personaPanel(scene, model, x, cursor, PERSONA_WIDTH, false);
  const scenarioX = x + PERSONA_WIDTH + 16;
  scene.rect('panel', scenarioX, cursor, scenarioWidth, panelHeight, { radius: 10 });
  scenarioPanel(scene, model, scenarioX, cursor, scenarioWidth);
  const legendX = scenarioX + scenarioWidth + 16;
  scene.rect('panel', legendX, cursor, legendWidth, panelHeight, { radius: 10 });
  drawLegend(scene, model, legendX, cursor);
  return cursor + panelHeight;
}

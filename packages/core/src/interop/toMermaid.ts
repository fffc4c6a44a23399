import type { Journey } from '@trailmap/schema';
import { orderedLanes, orderedStages, persona } from '../selectors';
import { cardScore, cardsOfStage } from './grid';
import { toMermaidScore, toMermaidText } from './mermaidText';

/** Score for tasks in stages nobody scored: Mermaid requires one, 3 is its neutral face. */
const NEUTRAL = 3;

/**
 * Writes a map as a Mermaid `journey` diagram: title, one section per stage, one task per card
 * of the action lanes. A task's score is its step's emotion (or its stage's) mapped from
 * −2..+2 to 1..5; unscored stages get 3. Actors are the map's persona, or every persona when
 * none is primary. Steps, other lanes and everything else the format cannot hold are left out.
 * @example
 * writeFileSync('map.mmd', toMermaid(doc));
 */
export function toMermaid(doc: Journey): string {
  const primary = persona(doc);
  const actors = (primary ? [primary] : doc.personas).map((p) => toMermaidText(p.name, true)).filter(Boolean);
  const actionLanes = orderedLanes(doc).filter((lane) => lane.kind === 'actions');
  const lines = ['journey', `  title ${toMermaidText(doc.map.title) || 'Journey'}`];
  for (const stage of orderedStages(doc)) {
    lines.push(`  section ${toMermaidText(stage.name) || 'Stage'}`);
    for (const lane of actionLanes) {
      for (const card of cardsOfStage(doc, lane.id, stage.id)) {
        const score = cardScore(doc, card);
        const task = toMermaidText(card.text) || '(empty)';
        const data = [task, String(score === undefined ? NEUTRAL : toMermaidScore(score))];
        if (actors.length > 0) data.push(actors.join(', '));
        lines.push(`    ${data.join(': ')}`);
      }
    }
  }
  return lines.join('\n') + '\n';
}

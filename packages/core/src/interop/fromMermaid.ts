import { CURRENT_SCHEMA_VERSION, TrailmapError, type Issue, type Journey } from '@trailmap/schema';
import type { CommandContext } from '../commands/defineCommand';
import { keysAfter } from '../ordering';
import { importTitle, round2 } from './grid';
import { fromMermaidScore, fromMermaidText } from './mermaidText';

export interface FromMermaidOptions {
  ctx: CommandContext;
  /** Used for the title when the diagram has none (`checkout.mmd` → "checkout"). */
  filename?: string;
}

interface ParsedSection {
  name: string;
  tasks: { text: string; score: number }[];
}

const LIMITS = { name: 200, text: 2000, sections: 200, tasks: 20000 };

/**
 * Reads a Mermaid `journey` diagram: sections become stages, tasks become cards of an
 * "Actions" lane, and each stage gets one emotion point, the mean of its task scores mapped
 * from 1..5 to −2..+2 (a stage without tasks gets none). Actors become personas; the first
 * one named is the map's persona. Per-task scores are not kept: a map scores stages, and
 * Mermaid's five faces are coarse anyway.
 * @throws TrailmapError `INVALID_MERMAID` (400) with `details: Issue[]` located by line/col
 */
export function fromMermaid(text: string, options: FromMermaidOptions): Journey {
  const { title, sections, actors } = parseMermaidJourney(text);
  const mapTitle = importTitle('Imported journey', { title, filename: options.filename });
  return buildJourney(sections, actors, mapTitle, options.ctx);
}

function parseMermaidJourney(text: string) {
  const issues: Issue[] = [];
  const problem = (line: number, col: number, message: string) =>
    issues.push({ pointer: '', code: 'INVALID_MERMAID', message, line, col });
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  let title: string | undefined;
  let current: ParsedSection | undefined;
  const sections: ParsedSection[] = [];
  const actors: string[] = [];
  let taskCount = 0;
  let sawHeader = false;
  let inFrontmatter = false;
  let inAccDescr = false;

  lines.forEach((raw, i) => {
    const lineNo = i + 1;
    let line = raw.trim();
    const col = raw.length - raw.trimStart().length + 1;
    if (inFrontmatter) {
      if (line === '---') inFrontmatter = false;
      return;
    }
    if (inAccDescr) {
      if (line.includes('}')) inAccDescr = false;
      return;
    }
    // Mermaid's journey lexer reads '#' to the end of the line as a comment, '%%' too
    line = line.replace(/#.*$/, '').trim();
    if (line === '' || line.startsWith('%%')) return;
    if (!sawHeader) {
      if (line === '---' && i === lines.findIndex((l) => l.trim() !== '')) {
        inFrontmatter = true;
        return;
      }
      if (/^journey\b/i.test(line) && line.slice('journey'.length).trim() === '') sawHeader = true;
      else problem(lineNo, col, `expected "journey" as the first statement, found "${line.slice(0, 40)}"`);
      return;
    }
    if (/^acc(Title|Descr)\s*:/i.test(line)) return;
    if (/^accDescr\s*\{/i.test(line)) {
      inAccDescr = !line.includes('}');
      return;
    }
    if (/^title(\s|$)/i.test(line)) {
      const value = fromMermaidText(line.slice(5));
      if (value.length > LIMITS.name)
        problem(lineNo, col + 6, `title is longer than ${LIMITS.name} characters`);
      else if (value !== '') title = value;
      return;
    }
    if (/^section(\s|$)/i.test(line)) {
      const name = fromMermaidText(line.slice(7));
      if (name === '') problem(lineNo, col, 'a section needs a name');
      else if (name.length > LIMITS.name)
        problem(lineNo, col + 8, `section name is longer than ${LIMITS.name} characters`);
      else if (sections.length >= LIMITS.sections)
        problem(lineNo, col, `a map holds at most ${LIMITS.sections} stages`);
      else {
        current = { name, tasks: [] };
        sections.push(current);
      }
      return;
    }
    const task = parseTask(line);
    if (typeof task === 'string') {
      // point a score problem at the score itself: after the first ':' and any spaces
      const afterColon = line.indexOf(':') + 1;
      const scoreAt =
        afterColon + (line.slice(afterColon).length - line.slice(afterColon).trimStart().length);
      problem(lineNo, col + (task.startsWith('score') ? scoreAt : 0), task);
      return;
    }
    if (task.text.length > LIMITS.text) {
      problem(lineNo, col, `task text is longer than ${LIMITS.text} characters`);
      return;
    }
    if (++taskCount > LIMITS.tasks) {
      if (taskCount === LIMITS.tasks + 1) problem(lineNo, col, `a map holds at most ${LIMITS.tasks} cards`);
      return;
    }
    if (!current) {
      current = { name: 'Journey', tasks: [] };
      sections.push(current);
    }
    current.tasks.push({ text: task.text, score: task.score });
    for (const actor of task.actors) if (!actors.includes(actor)) actors.push(actor);
  });

  if (!sawHeader && issues.length === 0) problem(1, 1, 'not a Mermaid journey diagram: the text is empty');
  if (issues.length > 0) {
    throw new TrailmapError('INVALID_MERMAID', `the Mermaid journey has ${issues.length} problem(s)`, {
      status: 400,
      details: issues,
    });
  }
  return { title, sections, actors };
}

/** `Task name: 5: Actor, Other` → parts, or a message saying what is wrong. */
function parseTask(line: string): { text: string; score: number; actors: string[] } | string {
  const parts = line.split(':');
  if (parts.length < 2)
    return `expected "title …", "section …" or "task: score[: actors]", found "${line.slice(0, 40)}"`;
  if (parts.length > 3) return 'too many ":" in a task line; use "task: score: actor, actor"';
  const text = fromMermaidText(parts[0]!);
  if (text === '') return 'a task needs a name before ":"';
  const scoreText = parts[1]!.trim();
  const score = Number(scoreText);
  if (scoreText === '' || !Number.isFinite(score) || score < 1 || score > 5) {
    return `score must be a number from 1 to 5, found "${scoreText}"`;
  }
  const actors = (parts[2] ?? '')
    .split(',')
    .map((actor) => fromMermaidText(actor).slice(0, 200))
    .filter((actor) => actor !== '');
  return { text, score, actors: [...new Set(actors)] };
}

function buildJourney(
  sections: ParsedSection[],
  actors: string[],
  title: string,
  ctx: CommandContext,
): Journey {
  const personas = actors.slice(0, 50).map((name) => ({
    id: ctx.newId('persona'),
    name,
    goals: [],
    needs: [],
    frustrations: [],
    context: {},
  }));
  const stageKeys = sections.length > 0 ? keysAfter(null, sections.length) : [];
  const stages = sections.map((section, i) => ({
    id: ctx.newId('stage'),
    index: stageKeys[i]!,
    name: section.name,
  }));
  const laneKeys = keysAfter(null, 2);
  const actionsLane = {
    id: ctx.newId('lane'),
    index: laneKeys[0]!,
    kind: 'actions' as const,
    label: 'Actions',
  };
  const emotionsLane = {
    id: ctx.newId('lane'),
    index: laneKeys[1]!,
    kind: 'emotions' as const,
    label: 'Emotions',
  };
  const cards = sections.flatMap((section, i) => {
    const keys = section.tasks.length > 0 ? keysAfter(null, section.tasks.length) : [];
    return section.tasks.map((task, n) => ({
      id: ctx.newId('card'),
      laneId: actionsLane.id,
      stageId: stages[i]!.id,
      index: keys[n]!,
      text: task.text,
      tags: [],
      evidenceIds: [],
    }));
  });
  const emotions = sections.flatMap((section, i) => {
    if (section.tasks.length === 0) return [];
    const mean = section.tasks.reduce((sum, task) => sum + task.score, 0) / section.tasks.length;
    return [
      {
        id: ctx.newId('emotion'),
        stageId: stages[i]!.id,
        score: round2(fromMermaidScore(mean)),
        evidenceIds: [],
      },
    ];
  });
  return {
    schemaVersion: CURRENT_SCHEMA_VERSION,
    map: {
      id: ctx.newId('map'),
      title,
      type: 'current-state',
      expectations: [],
      ...(personas[0] ? { personaId: personas[0].id } : {}),
      tags: [],
    },
    personas,
    stages,
    steps: [],
    lanes: [actionsLane, emotionsLane],
    cards,
    emotions,
    connections: [],
    opportunities: [],
    evidence: [],
    metricBindings: [],
  };
}

import type { CardColor, EmotionLevel, StyleKey } from '../layout/types';

export interface Paint {
  fill?: string;
  stroke?: string;
  opacity?: number;
}

export interface Theme {
  name: ThemeName;
  paints: Record<StyleKey, Paint>;
}

export const THEME_NAMES = ['light', 'dark', 'print', 'colorblind'] as const;
export type ThemeName = (typeof THEME_NAMES)[number];

interface Palette {
  canvas: string;
  text: string;
  muted: string;
  strong: string;
  line: string;
  panel: string;
  panelStroke: string;
  accent: string;
  onAccent: string;
  band: [string, string];
  stage: [string, string];
  stageText: string;
  step: string;
  cards: Record<CardColor, string>;
  cardText: string;
  cardStroke: string;
  emotion: Record<EmotionLevel, string>;
  curve: string;
  /** Emoji drawn on the colored emotion markers. */
  face: string;
  connection: string;
  evidence: string;
  assumption: string;
  critical: string;
  opportunity: string;
}

function paintsFrom(p: Palette): Record<StyleKey, Paint> {
  const cards = Object.fromEntries(
    Object.entries(p.cards).map(([color, fill]) => [`card.${color}`, { fill, stroke: p.cardStroke }]),
  ) as Record<`card.${CardColor}`, Paint>;
  const emotions = Object.fromEntries(
    Object.entries(p.emotion).map(([level, fill]) => [`emotion.${level}`, { fill, stroke: p.canvas }]),
  ) as Record<`emotion.${EmotionLevel}`, Paint>;
  return {
    canvas: { fill: p.canvas },
    text: { fill: p.text },
    'text.muted': { fill: p.muted },
    'text.strong': { fill: p.strong },
    'text.onAccent': { fill: p.onAccent },
    panel: { fill: p.panel, stroke: p.panelStroke },
    'panel.accent': { fill: p.accent },
    'stage.header': { fill: p.stage[0] },
    'stage.header.alt': { fill: p.stage[1] },
    'stage.text': { fill: p.stageText },
    'step.header': { fill: p.step, stroke: p.line },
    'lane.header': { fill: p.panel, stroke: p.line },
    'lane.band': { fill: p.band[0] },
    'lane.band.alt': { fill: p.band[1] },
    'grid.line': { stroke: p.line },
    ...cards,
    'card.text': { fill: p.cardText },
    'card.assumption': { stroke: p.assumption },
    badge: { fill: p.panel, stroke: p.line },
    'badge.evidence': { fill: p.evidence },
    'badge.assumption': { fill: p.assumption },
    'badge.priority': { fill: p.accent },
    'badge.critical': { fill: p.critical },
    'emotion.curve': { stroke: p.curve },
    'emotion.area': { fill: p.curve, opacity: 0.08 },
    'emotion.zero': { stroke: p.line },
    ...emotions,
    'emotion.face': { fill: p.face },
    connection: { stroke: p.connection, fill: p.connection },
    'connection.label': { fill: p.canvas, stroke: p.connection },
    'blueprint.line': { stroke: p.strong },
    'blueprint.label': { fill: p.strong },
    opportunity: { fill: p.opportunity, stroke: p.cardStroke },
    'opportunity.votes': { fill: p.accent },
    footer: { fill: p.panel, stroke: p.line },
  };
}

const LIGHT: Palette = {
  canvas: '#ffffff',
  text: '#2b2f36',
  muted: '#6b7280',
  strong: '#111827',
  line: '#d9dde3',
  panel: '#f6f7f9',
  panelStroke: '#e3e6ea',
  accent: '#3b5bdb',
  onAccent: '#ffffff',
  band: ['#ffffff', '#fafbfc'],
  stage: ['#1f2a44', '#2c3a5c'],
  stageText: '#ffffff',
  step: '#eef1f6',
  cards: {
    yellow: '#fff4bf',
    orange: '#ffe3c2',
    red: '#ffd6d6',
    pink: '#fcdcef',
    purple: '#e6dcfb',
    blue: '#d8e8ff',
    teal: '#cdf2ec',
    green: '#dcf5d4',
    gray: '#eceef1',
  },
  cardText: '#1f2328',
  cardStroke: '#d3d7dd',
  emotion: { m2: '#e5484d', m1: '#f4a259', z0: '#e9d86b', p1: '#8fd18b', p2: '#30a46c' },
  curve: '#3b5bdb',
  face: '#1d1d1f',
  connection: '#4b5563',
  evidence: '#e7ecff',
  assumption: '#b45309',
  critical: '#c92a2a',
  opportunity: '#eafaf1',
};

const DARK: Palette = {
  ...LIGHT,
  canvas: '#14161b',
  text: '#dde1e7',
  muted: '#9aa3af',
  strong: '#f3f4f6',
  line: '#2d323b',
  panel: '#1c1f26',
  panelStroke: '#2d323b',
  accent: '#7c93ff',
  onAccent: '#0b0d12',
  band: ['#14161b', '#171a20'],
  stage: ['#2a3350', '#323c5e'],
  step: '#1f2430',
  cards: {
    yellow: '#4a4220',
    orange: '#4d3420',
    red: '#4f2529',
    pink: '#4a2540',
    purple: '#372b55',
    blue: '#22365a',
    teal: '#1d4440',
    green: '#27452a',
    gray: '#2c3038',
  },
  cardText: '#eef0f3',
  cardStroke: '#3a404b',
  curve: '#8ea2ff',
  connection: '#aab2bf',
  evidence: '#2a3354',
  assumption: '#f59f00',
  critical: '#ff6b6b',
  opportunity: '#1d3a2c',
};

const PRINT: Palette = {
  ...LIGHT,
  text: '#000000',
  muted: '#444444',
  strong: '#000000',
  line: '#9a9a9a',
  panel: '#f2f2f2',
  panelStroke: '#9a9a9a',
  accent: '#000000',
  band: ['#ffffff', '#ffffff'],
  stage: ['#1a1a1a', '#3a3a3a'],
  step: '#e6e6e6',
  cards: {
    yellow: '#f7f7f7',
    orange: '#ececec',
    red: '#dcdcdc',
    pink: '#e6e6e6',
    purple: '#e0e0e0',
    blue: '#f0f0f0',
    teal: '#eaeaea',
    green: '#f4f4f4',
    gray: '#e2e2e2',
  },
  cardText: '#000000',
  cardStroke: '#555555',
  emotion: { m2: '#7a7a7a', m1: '#a0a0a0', z0: '#c4c4c4', p1: '#e0e0e0', p2: '#f5f5f5' },
  curve: '#000000',
  face: '#000000',
  connection: '#000000',
  evidence: '#e8e8e8',
  assumption: '#000000',
  critical: '#000000',
  opportunity: '#f5f5f5',
};

/** Okabe-Ito hues, lightened for card fills; the emotion scale runs vermillion → blue. */
const COLORBLIND: Palette = {
  ...LIGHT,
  accent: '#0072b2',
  cards: {
    yellow: '#fbf3b3',
    orange: '#fde0b0',
    red: '#f9cdb8',
    pink: '#f1d3e4',
    purple: '#ecd5e5',
    blue: '#c7e3f4',
    teal: '#bfe6dd',
    green: '#cde9e0',
    gray: '#e6e6e6',
  },
  emotion: { m2: '#d55e00', m1: '#e69f00', z0: '#f0e442', p1: '#56b4e9', p2: '#0072b2' },
  curve: '#000000',
  evidence: '#d6ebf7',
  assumption: '#d55e00',
  critical: '#d55e00',
  opportunity: '#d9efe8',
};

const PALETTES: Record<ThemeName, Palette> = {
  light: LIGHT,
  dark: DARK,
  print: PRINT,
  colorblind: COLORBLIND,
};

/** The named theme; unknown names are a programming error (validate user input with THEME_NAMES). */
export function getTheme(name: ThemeName = 'light'): Theme {
  const palette = PALETTES[name];
  if (!palette) throw new Error(`unknown theme ${String(name)}`);
  return { name, paints: paintsFrom(palette) };
}

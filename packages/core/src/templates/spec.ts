import type {
  CHANNELS,
  CONFIDENCE_LEVELS,
  CONNECTION_KINDS,
  DURATION_UNITS,
  EVIDENCE_SOURCES,
  LaneKind,
  MapType,
  OPPORTUNITY_STATUSES,
  PRIORITIES,
  REVIEW_CADENCES,
} from '@trailmap/schema';

/**
 * Templates are written as specs with short local keys ("discover", "actions") instead of ids.
 * The builder turns a spec into a journey document, asking an id function for every record, so
 * the same spec yields readable ids for examples and fresh ids for new maps.
 */

type Color = 'yellow' | 'orange' | 'red' | 'pink' | 'purple' | 'blue' | 'teal' | 'green' | 'gray';

export interface CardSpec {
  text: string;
  /** Local key, needed when a connection or an opportunity points at this card. */
  key?: string;
  step?: string;
  color?: Color;
  tags?: string[];
  priority?: (typeof PRIORITIES)[number];
  owner?: string;
  channel?: (typeof CHANNELS)[number];
  evidence?: string[];
}

/** Cards of one lane, per stage key, in display order; plain strings are text-only cards. */
export type LaneCells = Record<string, (string | CardSpec)[]>;

export interface StageSpec {
  key: string;
  name: string;
  goal?: string;
  description?: string;
  duration?: { min: number; max?: number; unit: (typeof DURATION_UNITS)[number] };
  steps?: { key: string; name: string; description?: string }[];
}

export interface LaneSpec {
  key: string;
  kind: LaneKind;
  label: string;
  lineAbove?: 'interaction' | 'visibility' | 'internal-interaction';
}

export interface EmotionSpec {
  stage: string;
  step?: string;
  score: number;
  emoji?: string;
  note?: string;
  evidence?: string[];
}

export interface OpportunitySpec {
  key: string;
  stage: string;
  title: string;
  description?: string;
  /** Keys of the pain-point cards this opportunity answers. */
  answers: string[];
  owner?: string;
  kpi?: string;
  baseline?: string;
  target?: string;
  /** Days after the creation date. */
  deadlineInDays?: number;
  budget?: { amount: number; currency: string };
  status?: (typeof OPPORTUNITY_STATUSES)[number];
  votes?: number;
  tags?: string[];
  evidence?: string[];
}

export interface EvidenceSpec {
  key: string;
  source: (typeof EVIDENCE_SOURCES)[number];
  title?: string;
  quote?: string;
  url?: string;
  /** Days before the creation date the evidence was gathered. */
  daysAgo?: number;
  confidence: (typeof CONFIDENCE_LEVELS)[number];
  query?: string;
}

export interface PersonaSpec {
  key: string;
  name: string;
  role?: string;
  avatar?: string;
  quote?: string;
  description?: string;
  goals?: string[];
  needs?: string[];
  frustrations?: string[];
  context?: Record<string, string>;
}

export interface TemplateSpec {
  id: string;
  name: string;
  description: string;
  /** Which map this template's map is compared with by default (a template id). */
  pairedWith?: string;
  map: {
    key: string;
    title: string;
    type: MapType;
    description?: string;
    scenario?: string;
    expectations?: string[];
    tags?: string[];
    review?: { cadence: (typeof REVIEW_CADENCES)[number]; inDays?: number };
  };
  persona?: PersonaSpec;
  stages: StageSpec[];
  lanes: LaneSpec[];
  /** Cards per lane key. */
  cells?: Record<string, LaneCells>;
  emotions?: EmotionSpec[];
  connections?: { from: string; to: string; kind: (typeof CONNECTION_KINDS)[number]; label?: string }[];
  opportunities?: OpportunitySpec[];
  evidence?: EvidenceSpec[];
  /** Stages or steps bound to event data: which activities of a dataset count as being there. */
  bindings?: { stage: string; step?: string; dataset?: string; activities: string[] }[];
}

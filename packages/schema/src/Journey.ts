import { z } from 'zod';
import { CardSchema, cardMigrations } from './records/Card';
import { ConnectionSchema, connectionMigrations } from './records/Connection';
import { EmotionPointSchema, emotionPointMigrations } from './records/EmotionPoint';
import { EvidenceSchema, evidenceMigrations } from './records/Evidence';
import { JourneyMapSchema, journeyMapMigrations } from './records/JourneyMap';
import { LaneSchema, laneMigrations } from './records/Lane';
import { MetricBindingSchema, metricBindingMigrations } from './records/MetricBinding';
import { OpportunitySchema, opportunityMigrations } from './records/Opportunity';
import { PersonaSchema, personaMigrations } from './records/Persona';
import { StageSchema, stageMigrations } from './records/Stage';
import { StepSchema, stepMigrations } from './records/Step';
import type { Migration } from './migration';

/** The schemaVersion this code writes. Documents with a lower version are migrated up on load. */
export const CURRENT_SCHEMA_VERSION = 2;

/** Upper bounds that keep one document workable in a browser and on a poster. */
export const DOCUMENT_LIMITS = {
  personas: 50,
  stages: 200,
  steps: 1000,
  lanes: 100,
  cards: 20000,
  emotions: 2000,
  connections: 5000,
  opportunities: 5000,
  evidence: 10000,
  metricBindings: 5000,
} as const;

const list = <T extends z.ZodType>(schema: T, max: number, noun: string) =>
  z.array(schema).max(max, `a map holds at most ${max} ${noun}`).default([]);

/** The journey document: one map with its records, as stored in `*.journey.json|yaml`. */
export const JourneySchema = z
  .strictObject({
    $schema: z.string().max(500).optional().meta({ description: 'Editor hint; ignored by Trailmap' }),
    schemaVersion: z.literal(CURRENT_SCHEMA_VERSION),
    map: JourneyMapSchema,
    personas: list(PersonaSchema, DOCUMENT_LIMITS.personas, 'personas'),
    stages: list(StageSchema, DOCUMENT_LIMITS.stages, 'stages'),
    steps: list(StepSchema, DOCUMENT_LIMITS.steps, 'steps'),
    lanes: list(LaneSchema, DOCUMENT_LIMITS.lanes, 'lanes'),
    cards: list(CardSchema, DOCUMENT_LIMITS.cards, 'cards'),
    emotions: list(EmotionPointSchema, DOCUMENT_LIMITS.emotions, 'emotion points'),
    connections: list(ConnectionSchema, DOCUMENT_LIMITS.connections, 'connections'),
    opportunities: list(OpportunitySchema, DOCUMENT_LIMITS.opportunities, 'opportunities'),
    evidence: list(EvidenceSchema, DOCUMENT_LIMITS.evidence, 'evidence records'),
    metricBindings: list(MetricBindingSchema, DOCUMENT_LIMITS.metricBindings, 'metric bindings'),
  })
  .meta({
    title: 'Trailmap journey document',
    description:
      'A customer journey map: persona, stages, lanes, cards, emotion curve, opportunities and evidence.',
  });

export type Journey = z.infer<typeof JourneySchema>;
/** The document as written by hand: defaults may be left out. */
export type JourneyInput = z.input<typeof JourneySchema>;

/** Collections of the document that hold records with ids, in canonical order of keys. */
export const COLLECTIONS = [
  'personas',
  'stages',
  'steps',
  'lanes',
  'cards',
  'emotions',
  'connections',
  'opportunities',
  'evidence',
  'metricBindings',
] as const;
export type CollectionName = (typeof COLLECTIONS)[number];
export type RecordOf<C extends CollectionName> = Journey[C][number];

/** Collections whose records carry a fractional `index` and are shown in that order. */
export const ORDERED_COLLECTIONS = ['stages', 'steps', 'lanes', 'cards', 'opportunities'] as const;

/** Every migration of every record type, oldest first. */
export const MIGRATIONS: Migration[] = [
  ...journeyMapMigrations,
  ...personaMigrations,
  ...stageMigrations,
  ...stepMigrations,
  ...laneMigrations,
  ...cardMigrations,
  ...emotionPointMigrations,
  ...connectionMigrations,
  ...opportunityMigrations,
  ...evidenceMigrations,
  ...metricBindingMigrations,
].sort((a, b) => a.toVersion - b.toVersion || a.id.localeCompare(b.id));

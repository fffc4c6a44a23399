import type { TemplateSpec } from '../spec';
import { claimPersona } from './claimPersona';

/**
 * To-be design of the claim journey in `current-state`. Stage, lane, persona and kept-card keys
 * match that spec on purpose, so a pair created together diffs record by record.
 */
export const futureState: TemplateSpec = {
  id: 'future-state',
  name: 'Future state (to-be)',
  description:
    'A future-state redesign of the home insurance claim, linked to its current-state map for side-by-side comparison.',
  pairedWith: 'current-state',
  map: {
    key: 'future-state',
    title: 'Water damage claim, redesigned',
    type: 'future-state',
    description:
      'Target journey for the 2026 claims programme. Every change answers a pain of the as-is map.',
    scenario:
      'The same burst pipe, a year from now: Noor reports it in the app, gets a partner plumber and follows the claim without calling.',
    expectations: [
      'Help within minutes, any day',
      'One named handler',
      'Repair paid directly by the insurer',
    ],
    tags: ['claims', 'insurance', 'to-be'],
    review: { cadence: 'quarterly', inDays: 90 },
  },
  persona: claimPersona,

  stages: [
    {
      key: 'report',
      name: 'Report in the app',
      goal: 'Get help within minutes and open a claim in one go',
      duration: { min: 5, max: 20, unit: 'minutes' },
    },
    {
      key: 'document',
      name: 'Document',
      goal: 'Add photos once; nothing asked twice',
      duration: { min: 1, max: 2, unit: 'days' },
    },
    {
      key: 'assess',
      name: 'Remote assessment',
      goal: 'Confirm the damage by video call at a chosen time',
      duration: { min: 2, max: 5, unit: 'days' },
    },
    {
      key: 'decide',
      name: 'Decision',
      goal: 'See what is covered and why, in plain words',
      duration: { min: 1, max: 2, unit: 'days' },
    },
    {
      key: 'repair',
      name: 'Repair & payment',
      goal: 'Partner contractor repairs; insurer pays them directly',
      duration: { min: 1, max: 3, unit: 'weeks' },
    },
  ],
  lanes: [
    { key: 'actions', kind: 'actions', label: 'Customer actions' },
    { key: 'emotions', kind: 'emotions', label: 'Emotion' },
    { key: 'touchpoints', kind: 'touchpoints', label: 'Touchpoints' },
    { key: 'pains', kind: 'pain-points', label: 'Remaining risks' },
  ],
  cells: {
    actions: {
      report: [
        { key: 'a-app-report', text: 'Reports the leak in the app with two photos' },
        { key: 'a-partner-plumber', text: 'Accepts a partner plumber arriving within 2 hours' },
      ],
      document: [{ key: 'a-photos', text: 'Emails photos and the plumber invoice' }],
      assess: [{ key: 'a-video-call', text: 'Shows the damage on a 15-minute video call' }],
      decide: [{ key: 'a-read-decision', text: 'Reads the decision and coverage breakdown in the app' }],
      repair: [{ key: 'a-approve-repair', text: 'Approves the repair date; pays only the deductible' }],
    },
    touchpoints: {
      report: [
        { key: 'tp-app', text: 'Claims flow in the insurance app', channel: 'app' },
        { key: 'tp-hotline', text: 'Claims hotline', channel: 'phone' },
      ],
      document: [{ key: 'tp-email', text: 'Claims mailbox', channel: 'email' }],
      assess: [{ key: 'tp-video', text: 'Video assessment', channel: 'app' }],
      decide: [{ key: 'tp-tracker', text: 'Claim tracker with named handler', channel: 'app' }],
      repair: [{ key: 'tp-contractor', text: 'Partner contractor visit', channel: 'partner' }],
    },
    pains: {
      assess: [
        {
          key: 'pain-video-access',
          text: 'Older customers may not manage a video call',
          color: 'orange',
          priority: 'medium',
          evidence: ['ev-assumption-video'],
        },
      ],
      repair: [
        {
          key: 'pain-partner-capacity',
          text: 'Partner network may lack capacity after storms',
          color: 'orange',
          priority: 'high',
          owner: 'Partner network',
          evidence: ['ev-storm-data'],
        },
      ],
    },
  },
  emotions: [
    { stage: 'report', score: 1, emoji: '😮‍💨', note: 'Help is on the way within minutes' },
    { stage: 'document', score: 0, emoji: '😐' },
    { stage: 'assess', score: 1, emoji: '🙂' },
    { stage: 'decide', score: 1, emoji: '🙂', note: 'Understands the decision' },
    { stage: 'repair', score: 2, emoji: '😊', note: 'Never out of pocket beyond the deductible' },
  ],
  connections: [
    { from: 'tp-app', to: 'tp-email', kind: 'direct' },
    { from: 'tp-hotline', to: 'tp-app', kind: 'bidirectional', label: 'agent opens the claim for her' },
    { from: 'tp-email', to: 'tp-video', kind: 'direct' },
    { from: 'tp-video', to: 'tp-tracker', kind: 'direct' },
    { from: 'tp-tracker', to: 'tp-contractor', kind: 'direct' },
  ],
  opportunities: [
    {
      key: 'opp-phone-assessment',
      stage: 'assess',
      title: 'Offer a phone-plus-photos assessment as an alternative to video',
      answers: ['pain-video-access'],
      owner: 'Claims operations',
      kpi: 'Share of assessments done remotely',
      baseline: '0%',
      target: '70%',
      deadlineInDays: 150,
      status: 'idea',
      votes: 5,
    },
    {
      key: 'opp-surge-partners',
      stage: 'repair',
      title: 'Surge agreements with regional contractors for storm weeks',
      answers: ['pain-partner-capacity'],
      owner: 'Partner network',
      kpi: 'Median days to repair start',
      baseline: '12',
      target: '4',
      deadlineInDays: 200,
      budget: { amount: 80000, currency: 'EUR' },
      status: 'planned',
      votes: 8,
    },
  ],
  evidence: [
    {
      key: 'ev-storm-data',
      source: 'analytics',
      title: 'Claims per week during the 2025 storms',
      daysAgo: 40,
      confidence: 'high',
    },
    {
      key: 'ev-concept-test',
      source: 'interview',
      title: 'Concept test of the app claim flow, 8 participants',
      daysAgo: 14,
      confidence: 'medium',
    },
    {
      key: 'ev-assumption-video',
      source: 'assumption',
      title: 'Video assessment excludes some older customers',
      confidence: 'low',
    },
  ],
};

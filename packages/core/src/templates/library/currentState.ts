import type { TemplateSpec } from '../spec';
import { claimPersona } from './claimPersona';

/**
 * As-is home insurance claim. Paired with `future-state`: keys shared by both specs (stages,
 * lanes, persona, kept cards) become the same ids in `createTemplatePair`, so the two maps diff.
 */
export const currentState: TemplateSpec = {
  id: 'current-state',
  name: 'Current state (as-is)',
  description:
    'An as-is map built from research: a home insurance claim today, with the waiting and chasing that the future-state map redesigns.',
  map: {
    key: 'current-state',
    title: 'Water damage claim today',
    type: 'current-state',
    description: 'As-is claim journey for household policies, from the 2025 claims research.',
    scenario:
      "A pipe bursts in Noor's kitchen on a Saturday. She needs a plumber, her floor dried and the costs covered.",
    expectations: [
      'Someone tells her what to do first',
      'One contact person',
      'Money before the repair bill is due',
    ],
    tags: ['claims', 'insurance', 'as-is'],
    review: { cadence: 'quarterly', inDays: 90 },
  },
  persona: claimPersona,

  stages: [
    {
      key: 'report',
      name: 'Report damage',
      goal: 'Get help and open a claim',
      duration: { min: 1, max: 3, unit: 'days' },
    },
    {
      key: 'document',
      name: 'Document',
      goal: 'Send photos, invoices and forms',
      duration: { min: 3, max: 10, unit: 'days' },
    },
    {
      key: 'assess',
      name: 'Assessment',
      goal: 'Have an adjuster confirm the damage',
      duration: { min: 1, max: 3, unit: 'weeks' },
    },
    {
      key: 'wait',
      name: 'Wait & chase',
      goal: 'Find out where the claim stands',
      duration: { min: 1, max: 4, unit: 'weeks' },
    },
    {
      key: 'decide',
      name: 'Decision',
      goal: 'Understand what is covered',
      duration: { min: 1, max: 5, unit: 'days' },
    },
    {
      key: 'repair',
      name: 'Repair & payment',
      goal: 'Get the kitchen fixed and be paid',
      duration: { min: 2, max: 6, unit: 'weeks' },
    },
  ],
  lanes: [
    { key: 'actions', kind: 'actions', label: 'Customer actions' },
    { key: 'emotions', kind: 'emotions', label: 'Emotion' },
    { key: 'touchpoints', kind: 'touchpoints', label: 'Touchpoints' },
    { key: 'pains', kind: 'pain-points', label: 'Pain points' },
  ],
  cells: {
    actions: {
      report: [
        { key: 'a-call-hotline', text: 'Calls the claims hotline, waits 25 minutes' },
        { key: 'a-find-plumber', text: 'Finds an emergency plumber herself' },
      ],
      document: [
        { key: 'a-photos', text: 'Emails photos and the plumber invoice' },
        { key: 'a-paper-form', text: 'Prints, signs and posts the claim form' },
      ],
      assess: [{ key: 'a-adjuster-visit', text: 'Takes a morning off for the adjuster visit' }],
      wait: [{ key: 'a-chase', text: 'Calls three times to ask for status' }],
      decide: [{ key: 'a-read-letter', text: 'Reads the decision letter twice' }],
      repair: [{ key: 'a-pay-contractor', text: 'Pays the contractor, then waits for reimbursement' }],
    },
    touchpoints: {
      report: [{ key: 'tp-hotline', text: 'Claims hotline', channel: 'phone' }],
      document: [
        { key: 'tp-email', text: 'Claims mailbox', channel: 'email' },
        { key: 'tp-post', text: 'Claim form by post', channel: 'mail' },
      ],
      assess: [{ key: 'tp-adjuster', text: 'Adjuster visit', channel: 'in-person' }],
      wait: [{ key: 'tp-hotline-chase', text: 'Claims hotline (again)', channel: 'phone' }],
      decide: [{ key: 'tp-letter', text: 'Decision letter', channel: 'mail' }],
      repair: [{ key: 'tp-transfer', text: 'Bank transfer', channel: 'other' }],
    },
    pains: {
      report: [
        {
          key: 'pain-hotline-wait',
          text: 'Weekend hotline queue, no advice on first steps',
          color: 'red',
          priority: 'high',
          evidence: ['ev-claims-interviews'],
        },
      ],
      document: [
        {
          key: 'pain-paper-form',
          text: 'Paper form asks for data given on the phone',
          color: 'orange',
          priority: 'medium',
          evidence: ['ev-claims-interviews'],
        },
      ],
      wait: [
        {
          key: 'pain-no-status',
          text: 'No status updates for weeks; every call reaches a new agent',
          color: 'red',
          priority: 'critical',
          owner: 'Claims operations',
          evidence: ['ev-call-reasons'],
        },
      ],
      repair: [
        {
          key: 'pain-pay-first',
          text: 'Must pay the contractor before being reimbursed',
          color: 'orange',
          priority: 'high',
          evidence: ['ev-assumption-cashflow'],
        },
      ],
    },
  },
  emotions: [
    { stage: 'report', score: -2, emoji: '😱', note: 'Water everywhere, nobody answers' },
    { stage: 'document', score: -1, emoji: '😒' },
    { stage: 'assess', score: 0, emoji: '😐' },
    { stage: 'wait', score: -2, emoji: '😡', note: 'Chasing for weeks', evidence: ['ev-call-reasons'] },
    { stage: 'decide', score: 0, emoji: '😐' },
    { stage: 'repair', score: -1, emoji: '😓', note: 'Out of pocket for a month' },
  ],
  connections: [
    { from: 'tp-hotline', to: 'tp-email', kind: 'direct' },
    { from: 'tp-email', to: 'tp-post', kind: 'direct', label: 'still asked for paper' },
    { from: 'tp-post', to: 'tp-adjuster', kind: 'direct' },
    { from: 'tp-adjuster', to: 'tp-hotline-chase', kind: 'open-exploration' },
    { from: 'tp-hotline-chase', to: 'tp-letter', kind: 'direct' },
    { from: 'tp-letter', to: 'tp-transfer', kind: 'direct' },
  ],
  opportunities: [
    {
      key: 'opp-claim-tracker',
      stage: 'wait',
      title: 'Claim status tracker with a named handler',
      answers: ['pain-no-status'],
      owner: 'Claims operations',
      kpi: 'Status calls per claim',
      baseline: '3.1',
      target: '0.5',
      deadlineInDays: 120,
      budget: { amount: 150000, currency: 'EUR' },
      status: 'planned',
      votes: 18,
    },
    {
      key: 'opp-first-steps',
      stage: 'report',
      title: 'First-steps guide and partner plumber from the app, 24/7',
      answers: ['pain-hotline-wait'],
      owner: 'Digital claims',
      kpi: 'Time to first help',
      baseline: '25 min',
      target: '3 min',
      deadlineInDays: 90,
      status: 'idea',
      votes: 11,
    },
    {
      key: 'opp-direct-pay',
      stage: 'repair',
      title: 'Pay partner contractors directly',
      answers: ['pain-pay-first'],
      owner: 'Partner network',
      kpi: 'Claims paid directly to contractors',
      baseline: '8%',
      target: '60%',
      deadlineInDays: 240,
      status: 'idea',
      votes: 9,
    },
  ],
  // Activities of the "teleclaims" sample event log (pm4py test data), so the map can be checked
  // against measured conversion and durations per stage.
  bindings: [
    { stage: 'report', dataset: 'teleclaims', activities: ['incoming claim'] },
    {
      stage: 'document',
      dataset: 'teleclaims',
      activities: [
        'B check if sufficient information is available',
        'S check if sufficient information is available',
        'B register claim',
        'S register claim',
      ],
    },
    { stage: 'assess', dataset: 'teleclaims', activities: ['determine likelihood of claim', 'assess claim'] },
    { stage: 'decide', dataset: 'teleclaims', activities: ['advise claimant on reimbursement'] },
    { stage: 'repair', dataset: 'teleclaims', activities: ['initiate payment', 'close claim'] },
  ],
  evidence: [
    {
      key: 'ev-claims-interviews',
      source: 'interview',
      title: '10 interviews with recent claimants',
      quote: 'I told the story four times to four people.',
      daysAgo: 60,
      confidence: 'high',
    },
    {
      key: 'ev-call-reasons',
      source: 'support',
      title: 'Hotline call reasons, water claims',
      daysAgo: 20,
      confidence: 'high',
    },
    {
      key: 'ev-nps',
      source: 'survey',
      title: 'Transactional NPS after claim closure: -12',
      daysAgo: 30,
      confidence: 'medium',
    },
    {
      key: 'ev-assumption-cashflow',
      source: 'assumption',
      title: 'Paying up front strains household cash flow',
      confidence: 'low',
    },
  ],
};

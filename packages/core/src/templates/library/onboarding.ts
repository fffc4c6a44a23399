import type { TemplateSpec } from '../spec';

/** Product onboarding of a budgeting app, with steps inside each stage and a per-step emotion curve. */
export const onboarding: TemplateSpec = {
  id: 'onboarding',
  name: 'Product onboarding flow',
  description:
    'The first week in a mobile app, screen by screen: sign-up, setup, first value and habit, with steps inside each stage.',
  map: {
    key: 'onboarding',
    title: 'Budgeting app: the first seven days',
    type: 'current-state',
    description: 'Step-level map of activation for new users who install from an app store.',
    scenario:
      'Lena installs the app after overspending on holiday. She wants to see where her money goes without typing in every purchase.',
    expectations: ['Bank connection in under two minutes', 'A useful insight on day one', 'No paywall before she sees value'],
    tags: ['activation', 'mobile-app', 'fintech'],
    review: { cadence: 'monthly', inDays: 30 },
  },
  persona: {
    key: 'lena',
    name: 'Lena Hoffmann',
    role: 'New user, graduate nurse',
    avatar: '💶',
    quote: 'Show me something I did not know about my spending, then I will stay.',
    goals: ['Save 200 EUR a month', 'Stop checking three bank apps'],
    needs: ['Automatic categorisation', 'Trust that her bank login is safe'],
    frustrations: ['Long forms on a phone', 'Notifications that nag'],
    context: { age: '26', device: 'iPhone', 'works shifts': 'yes' },
  },
  stages: [
    {
      key: 'signup',
      name: 'Sign up',
      goal: 'Create an account without friction',
      duration: { min: 2, max: 5, unit: 'minutes' },
      steps: [
        { key: 'store', name: 'App store page' },
        { key: 'account', name: 'Create account' },
        { key: 'verify', name: 'Verify email' },
      ],
    },
    {
      key: 'setup',
      name: 'Set up',
      goal: 'Connect a bank account and set a first budget',
      duration: { min: 3, max: 15, unit: 'minutes' },
      steps: [
        { key: 'bank', name: 'Connect bank' },
        { key: 'categories', name: 'Review categories' },
        { key: 'budget', name: 'Set monthly budget' },
      ],
    },
    {
      key: 'value',
      name: 'First value',
      goal: 'Understand her spending on the first day',
      duration: { min: 1, max: 2, unit: 'days' },
      steps: [
        { key: 'overview', name: 'Spending overview' },
        { key: 'alert', name: 'First budget alert' },
      ],
    },
    {
      key: 'habit',
      name: 'Habit',
      goal: 'Come back weekly without being pushed',
      duration: { min: 5, max: 7, unit: 'days' },
      steps: [
        { key: 'checkin', name: 'Weekly check-in' },
        { key: 'trial-end', name: 'Trial ends' },
      ],
    },
  ],
  lanes: [
    { key: 'actions', kind: 'actions', label: 'User does' },
    { key: 'screens', kind: 'touchpoints', label: 'Screen / message' },
    { key: 'emotions', kind: 'emotions', label: 'Feeling' },
    { key: 'metrics', kind: 'metrics', label: 'Step metric' },
    { key: 'pains', kind: 'pain-points', label: 'Friction' },
  ],
  cells: {
    actions: {
      signup: [
        { text: 'Reads ratings and screenshots', step: 'store' },
        { text: 'Signs up with Apple ID', step: 'account' },
        { text: 'Switches to mail app to click the link', step: 'verify' },
      ],
      setup: [
        { text: 'Searches for her bank and logs in', step: 'bank' },
        { text: 'Fixes three wrongly categorised payments', step: 'categories' },
        { text: 'Accepts the suggested budget', step: 'budget' },
      ],
      value: [
        { text: 'Scrolls the month overview', step: 'overview' },
        { text: 'Gets a "restaurants at 80%" alert', step: 'alert' },
      ],
      habit: [
        { text: 'Opens the Sunday summary', step: 'checkin' },
        { text: 'Decides whether to subscribe', step: 'trial-end' },
      ],
    },
    screens: {
      signup: [
        { key: 'tp-store', text: 'Store listing', step: 'store', channel: 'app' },
        { key: 'tp-signup', text: 'Sign-up screen', step: 'account', channel: 'app' },
        { key: 'tp-verify-mail', text: 'Verification email', step: 'verify', channel: 'email' },
      ],
      setup: [
        { key: 'tp-bank-picker', text: 'Bank picker and consent screen', step: 'bank', channel: 'app' },
        { key: 'tp-budget', text: 'Budget wizard', step: 'budget', channel: 'app' },
      ],
      value: [
        { key: 'tp-overview', text: 'Overview dashboard', step: 'overview', channel: 'app' },
        { key: 'tp-alert', text: 'Push notification', step: 'alert', channel: 'app' },
      ],
      habit: [
        { key: 'tp-summary', text: 'Weekly summary push', step: 'checkin', channel: 'app' },
        { key: 'tp-paywall', text: 'Subscription paywall', step: 'trial-end', channel: 'app' },
      ],
    },
    metrics: {
      signup: [{ text: 'Install to account: 72%', step: 'account' }, { text: 'Email verified within 1 h: 58%', step: 'verify' }],
      setup: [{ text: 'Bank connected: 46%', step: 'bank', evidence: ['ev-funnel'] }],
      value: [{ text: 'Day-1 return: 39%', step: 'overview' }],
      habit: [{ text: 'Trial to paid: 11%', step: 'trial-end' }],
    },
    pains: {
      signup: [
        { key: 'pain-verify', text: 'Email verification blocks the app before any value is shown', step: 'verify', color: 'red', priority: 'high', owner: 'Growth squad', evidence: ['ev-funnel'] },
      ],
      setup: [
        { key: 'pain-bank-trust', text: 'Consent screen from the bank aggregator looks like phishing', step: 'bank', color: 'red', priority: 'critical', owner: 'Growth squad', evidence: ['ev-interviews'] },
        { key: 'pain-categories', text: 'Card payments from abroad land in "Other"', step: 'categories', color: 'orange', priority: 'medium', owner: 'Data team' },
      ],
      habit: [
        { key: 'pain-paywall', text: 'Paywall appears mid-task on day 7', step: 'trial-end', color: 'orange', priority: 'medium', owner: 'Monetisation', evidence: ['ev-assumption-paywall'] },
      ],
    },
  },
  emotions: [
    { stage: 'signup', step: 'store', score: 1, emoji: '🙂' },
    { stage: 'signup', step: 'account', score: 1, emoji: '🙂' },
    { stage: 'signup', step: 'verify', score: -1, emoji: '😑', note: 'Has to leave the app' },
    { stage: 'setup', step: 'bank', score: -2, emoji: '😨', note: 'Worried about giving bank access', evidence: ['ev-interviews'] },
    { stage: 'setup', step: 'categories', score: -1, emoji: '😕' },
    { stage: 'setup', step: 'budget', score: 0, emoji: '😐' },
    { stage: 'value', step: 'overview', score: 2, emoji: '🤩', note: '"I spent HOW much on delivery?"' },
    { stage: 'value', step: 'alert', score: 1, emoji: '🙂' },
    { stage: 'habit', step: 'checkin', score: 1, emoji: '🙂' },
    { stage: 'habit', step: 'trial-end', score: -1, emoji: '😒' },
  ],
  connections: [
    { from: 'tp-store', to: 'tp-signup', kind: 'direct' },
    { from: 'tp-signup', to: 'tp-verify-mail', kind: 'direct' },
    { from: 'tp-verify-mail', to: 'tp-bank-picker', kind: 'direct', label: 'deep link back into the app' },
    { from: 'tp-bank-picker', to: 'tp-budget', kind: 'direct' },
    { from: 'tp-budget', to: 'tp-overview', kind: 'direct' },
    { from: 'tp-alert', to: 'tp-overview', kind: 'direct' },
    { from: 'tp-summary', to: 'tp-overview', kind: 'bidirectional' },
    { from: 'tp-overview', to: 'tp-paywall', kind: 'controlled-evaluation' },
  ],
  opportunities: [
    {
      key: 'opp-verify-later',
      stage: 'signup',
      title: 'Let users explore demo data before verifying their email',
      answers: ['pain-verify'],
      owner: 'Growth squad',
      kpi: 'Install to bank connected',
      baseline: '46%',
      target: '55%',
      deadlineInDays: 30,
      status: 'in-progress',
      votes: 10,
      tags: ['experiment'],
    },
    {
      key: 'opp-trust-explainer',
      stage: 'setup',
      title: 'Explain read-only bank access in our own words before the aggregator screen',
      answers: ['pain-bank-trust'],
      owner: 'Growth squad',
      kpi: 'Bank connection success rate',
      baseline: '46%',
      target: '60%',
      deadlineInDays: 45,
      budget: { amount: 8000, currency: 'EUR' },
      status: 'planned',
      votes: 13,
      evidence: ['ev-interviews'],
    },
    {
      key: 'opp-soft-paywall',
      stage: 'habit',
      title: 'Show the paywall after the weekly summary, not mid-task',
      answers: ['pain-paywall'],
      owner: 'Monetisation',
      kpi: 'Trial to paid',
      baseline: '11%',
      target: '14%',
      deadlineInDays: 60,
      status: 'idea',
      votes: 5,
    },
  ],
  evidence: [
    { key: 'ev-funnel', source: 'analytics', title: 'Activation funnel, new installs in the last 30 days', query: 'funnel: install > signup > email_verified > bank_connected > budget_set', daysAgo: 7, confidence: 'high' },
    { key: 'ev-interviews', source: 'interview', title: '6 interviews with users who dropped at bank connection', quote: 'It asked for my banking password, I closed it.', daysAgo: 21, confidence: 'high' },
    { key: 'ev-assumption-paywall', source: 'assumption', title: 'Mid-task paywall hurts conversion', confidence: 'low' },
  ],
};

import { keysAfter } from '@trailmap/core';
import { validateJourney, type Journey, type JourneyInput } from '@trailmap/schema';

export const LONG_WORD = 'Donaudampfschifffahrtsgesellschaftskapitänswitwenrentenversicherung'.repeat(2);
export const HOSTILE =
  '<script>alert("x")</script></svg><svg onload=alert(1)> & "quoted" \'single\' ]]> <!-- c -->';
export const ARABIC = 'العميل لا يجد زر الدفع بسهولة';
export const HEBREW = 'הלקוח מחפש את כפתור התשלום';
export const CJK = '顾客在结账时找不到付款按钮，感到非常沮丧。';
export const EMOJI = 'Loves it 😀👍🏽 👩‍👩‍👧 🛒🔥';
export const CONTROL = 'bell\u0007 and null\u0000 and lone \uD800 surrogate';
export const LONG_CARD = 'A very long card. '.repeat(28).slice(0, 500);

/**
 * A map built to break renderers: 60 stages, empty lanes, overlong words, 500-character cards,
 * emoji, right-to-left and CJK text, markup and control characters in every text field.
 */
export function nastyDoc(): Journey {
  const stageCount = 60;
  const stageKeys = keysAfter(null, stageCount);
  const stages = stageKeys.map((index, i) => ({
    id: `stage:s${i}`,
    index,
    name: i === 0 ? HOSTILE : i === 1 ? LONG_WORD : i === 2 ? ARABIC : `Stage ${i + 1}`,
    ...(i === 3 ? { goal: CJK } : {}),
  }));
  const lanes = [
    { id: 'lane:doing', index: 'a0', kind: 'actions', label: `Doing ${HOSTILE}` },
    { id: 'lane:empty', index: 'a1', kind: 'thoughts', label: 'Always empty' },
    { id: 'lane:feel', index: 'a2', kind: 'emotions', label: 'Feeling' },
    { id: 'lane:pain', index: 'a3', kind: 'pain-points', label: HEBREW, lineAbove: 'visibility' },
    { id: 'lane:closed', index: 'a4', kind: 'custom', label: 'Collapsed', collapsed: true },
  ];
  const texts = [HOSTILE, LONG_WORD, ARABIC, HEBREW, CJK, EMOJI, CONTROL, LONG_CARD, '', '   '];
  const cards = texts.flatMap((text, i) => [
    {
      id: `card:d${i}`,
      laneId: 'lane:doing',
      stageId: `stage:s${i}`,
      index: 'a0',
      text,
      tags: [HOSTILE.slice(0, 30)],
      owner: HOSTILE.slice(0, 40),
    },
    {
      id: `card:p${i}`,
      laneId: 'lane:pain',
      stageId: `stage:s${stageCount - 1 - i}`,
      index: 'a0',
      text,
      channel: 'web',
      evidenceIds: ['evidence:guess'],
    },
    { id: `card:c${i}`, laneId: 'lane:closed', stageId: `stage:s${i}`, index: 'a0', text },
  ]);
  const input: JourneyInput = {
    schemaVersion: 2,
    map: {
      id: 'map:nasty',
      title: `${HOSTILE} ${LONG_WORD}`.slice(0, 200),
      type: 'service-blueprint',
      scenario: `${LONG_CARD} ${ARABIC}`,
      expectations: [HOSTILE, CJK, EMOJI],
      tags: ['<b>', '"&"'],
      personaId: 'persona:p',
    },
    personas: [
      {
        id: 'persona:p',
        name: HOSTILE,
        avatar: '<&>',
        quote: LONG_WORD,
        goals: [EMOJI, CJK],
        frustrations: [ARABIC],
      },
    ],
    stages,
    lanes: lanes as JourneyInput['lanes'],
    cards: cards as JourneyInput['cards'],
    emotions: stageKeys.slice(0, 12).map((_, i) => ({
      id: `emotion:e${i}`,
      stageId: `stage:s${i}`,
      score: [-2, 2, 0, -1, 1, -2][i % 6]!,
      ...(i === 0 ? { emoji: '<', note: HOSTILE } : i === 1 ? { emoji: '🙂', note: CJK } : {}),
    })),
    connections: [
      { id: 'conn:a', fromCardId: 'card:d0', toCardId: 'card:d1', kind: 'direct', label: HOSTILE },
      { id: 'conn:b', fromCardId: 'card:d2', toCardId: 'card:p0', kind: 'open-exploration' },
      { id: 'conn:c', fromCardId: 'card:d3', toCardId: 'card:d4', kind: 'bidirectional' },
      { id: 'conn:d', fromCardId: 'card:p1', toCardId: 'card:d5', kind: 'controlled-evaluation', label: CJK },
    ],
    opportunities: [
      {
        id: 'opp:a',
        stageId: 'stage:s0',
        index: 'a0',
        title: HOSTILE,
        description: LONG_CARD,
        owner: ARABIC,
        kpi: CJK,
        votes: 3,
      },
    ],
    evidence: [{ id: 'evidence:guess', source: 'assumption', title: HOSTILE }],
  };
  const result = validateJourney(input);
  if (!result.ok) throw new Error(`nasty fixture is invalid: ${JSON.stringify(result.issues.slice(0, 5))}`);
  return result.value;
}

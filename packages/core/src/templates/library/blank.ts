import type { TemplateSpec } from '../spec';

/** An empty map with the usual lanes and five generic stages, ready to fill in a workshop. */
export const blank: TemplateSpec = {
  id: 'blank',
  name: 'Blank map',
  description: 'Five generic stages and the usual lanes, with no content: start from scratch.',
  map: { key: 'blank', title: 'Untitled journey', type: 'current-state' },
  stages: [
    { key: 'awareness', name: 'Awareness' },
    { key: 'consideration', name: 'Consideration' },
    { key: 'purchase', name: 'Purchase' },
    { key: 'retention', name: 'Retention' },
    { key: 'advocacy', name: 'Advocacy' },
  ],
  lanes: [
    { key: 'actions', kind: 'actions', label: 'Actions' },
    { key: 'thoughts', kind: 'thoughts', label: 'Thoughts' },
    { key: 'emotions', kind: 'emotions', label: 'Emotions' },
    { key: 'touchpoints', kind: 'touchpoints', label: 'Touchpoints' },
    { key: 'pains', kind: 'pain-points', label: 'Pain points' },
    { key: 'opportunities', kind: 'opportunities', label: 'Opportunities' },
  ],
};

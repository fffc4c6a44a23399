import type { PersonaSpec } from '../spec';

/** The policyholder of the claim pair: one persona, so current and future state share her. */
export const claimPersona: PersonaSpec = {
  key: 'noor',
  name: 'Noor Haddad',
  role: 'Policyholder, first claim',
  avatar: '🏠',
  quote: 'I pay every month for years and the one time I need them, I have to chase them.',
  goals: ['Get the kitchen usable again', 'Not pay the repair out of savings'],
  needs: ['Clear next steps on day one', 'Status without calling'],
  frustrations: ['Repeating the story to each agent', 'Letters asking for documents she already sent'],
  context: { age: '38', home: 'Owned flat, 3rd floor', policy: 'Home contents and buildings' },
};

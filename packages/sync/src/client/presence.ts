import type { Awareness } from 'y-protocols/awareness';

/** What one participant shares through awareness (never stored in the document). */
export interface Presence {
  user: { id: string; name: string; color: string };
  cursor?: { x: number; y: number } | null;
  selectedCardId?: string | null;
}

export interface Peer extends Presence {
  clientId: number;
}

const PALETTE = ['#e6194b', '#3cb44b', '#4363d8', '#f58231', '#911eb4', '#42d4f4', '#f032e6', '#469990'];

/** A stable color per user id, so a person has the same color on every screen. */
export function colorForUser(userId: string): string {
  let hash = 0;
  for (const char of userId) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return PALETTE[hash % PALETTE.length]!;
}

/** Merges `changes` into this client's presence. */
export function setPresence(awareness: Awareness, changes: Partial<Presence>): void {
  const current = (awareness.getLocalState() ?? {}) as Partial<Presence>;
  awareness.setLocalState({ ...current, ...changes });
}

/** Everyone else who is here, in client-id order; states without a user are ignored. */
export function readPeers(awareness: Awareness): Peer[] {
  const peers: Peer[] = [];
  awareness.getStates().forEach((state, clientId) => {
    if (clientId === awareness.clientID) return;
    const presence = state as Partial<Presence>;
    if (presence.user?.id) peers.push({ ...(presence as Presence), clientId });
  });
  return peers.sort((a, b) => a.clientId - b.clientId);
}

import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import type { Extension, beforeHandleMessagePayload } from '@hocuspocus/server';
import { SOCIAL_KEYS } from '../../social/model';
import { FORBIDDEN, closeWithCode } from './Auth';

const SYNC_MESSAGES = new Set([0, 4]);
const UPDATE_STEPS = new Set([1, 2]);
const socialKeys = new Set(SOCIAL_KEYS);

/** The root key a live type belongs to (the name of its top-level Y.Map). */
function rootKeyOf(type: Y.AbstractType<unknown> | null): string | null {
  let current = type;
  while (current?._item) current = current._item.parent as Y.AbstractType<unknown>;
  return current ? Y.findRootTypeKey(current) : null;
}

function itemRoot(store: Y.Doc['store'], id: Y.ID): string | null {
  if (id.clock >= Y.getState(store, id.client)) return null; // not here yet: cannot be social content
  const struct = Y.getItem(store, id);
  return struct instanceof Y.Item ? rootKeyOf(struct.parent as Y.AbstractType<unknown>) : null;
}

/** Top-level keys an update writes to or deletes from, as far as the current document tells. */
export function touchedRoots(document: Y.Doc, update: Uint8Array): Set<string> {
  const roots = new Set<string>();
  const { structs, ds } = Y.decodeUpdate(update);
  for (const struct of structs) {
    if (!(struct instanceof Y.Item)) continue;
    const parent = struct.parent as unknown;
    if (typeof parent === 'string') roots.add(parent);
    for (const id of [parent, struct.origin, struct.rightOrigin]) {
      if (id instanceof Y.ID) {
        const root = itemRoot(document.store, id);
        if (root) roots.add(root);
      }
    }
  }
  for (const [client, deletions] of ds.clients) {
    for (const { clock } of deletions) {
      const root = itemRoot(document.store, Y.createID(client, clock));
      if (root) roots.add(root);
    }
  }
  return roots;
}

/**
 * Comments, threads and vote sessions are written by the server only (author and time are
 * stamped there). A client update touching them — e.g. forging someone else's comment — is
 * refused and the connection closed, before it is logged or applied.
 */
export class SocialGuard implements Extension {
  priority = 150;

  async beforeHandleMessage({ connection, document, update }: beforeHandleMessagePayload) {
    if (connection.readOnly) return;
    const decoder = decoding.createDecoder(update);
    decoding.readVarString(decoder);
    if (!SYNC_MESSAGES.has(decoding.readVarUint(decoder))) return;
    if (!UPDATE_STEPS.has(decoding.readVarUint(decoder))) return;
    const change = decoding.readVarUint8Array(decoder);
    for (const root of touchedRoots(document, change)) {
      if (socialKeys.has(root)) {
        closeWithCode(connection, FORBIDDEN);
        throw FORBIDDEN;
      }
    }
  }
}

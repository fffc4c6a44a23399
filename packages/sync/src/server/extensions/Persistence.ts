import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import {
  Connection,
  type Extension,
  type beforeHandleMessagePayload,
  type onChangePayload,
  type onLoadDocumentPayload,
  type onStoreDocumentPayload,
} from '@hocuspocus/server';
import { journeyToYDoc } from '../../doc/toYDoc';
import { yDocToJourney } from '../../doc/fromYDoc';
import type { CollabStore } from '../types';

const MESSAGE_SYNC = 0;
const MESSAGE_SYNC_REPLY = 4;
const SYNC_STEP_2 = 1;
const SYNC_UPDATE = 2;
const REDIS_ORIGIN = '__hocuspocus__redis__origin__';
export const LOAD_ORIGIN = Symbol('trailmap.load');

/** The Yjs update inside a client's sync message, or null for any other message. */
function updateOf(message: Uint8Array): Uint8Array | null {
  const decoder = decoding.createDecoder(message);
  decoding.readVarString(decoder);
  const type = decoding.readVarUint(decoder);
  if (type !== MESSAGE_SYNC && type !== MESSAGE_SYNC_REPLY) return null;
  const step = decoding.readVarUint(decoder);
  if (step !== SYNC_STEP_2 && step !== SYNC_UPDATE) return null;
  const update = decoding.readVarUint8Array(decoder);
  // [0, 0] = no structs, empty delete set: what a client in sync sends back
  return update.length <= 2 ? null : update;
}

/**
 * Stores live documents through the host's {@link CollabStore}. A client's update is appended
 * to the log BEFORE Hocuspocus applies and acknowledges it (write-ahead), server-side writes are
 * appended as they happen, and the debounced store hook compacts the log into a snapshot and
 * refreshes the JSON document.
 */
export class Persistence implements Extension {
  // Last, so updates refused by Auth never reach the log.
  priority = 10;

  constructor(private readonly store: CollabStore) {}

  async onLoadDocument({ document, documentName }: onLoadDocumentPayload) {
    const { state, updates, journey } = await this.store.load(documentName);
    if (state) Y.applyUpdate(document, state, LOAD_ORIGIN);
    for (const { update } of updates) Y.applyUpdate(document, update, LOAD_ORIGIN);
    if (!state && updates.length === 0 && journey) {
      journeyToYDoc(journey, document, LOAD_ORIGIN);
      await this.store.append(documentName, Y.encodeStateAsUpdate(document));
    }
  }

  async beforeHandleMessage({ connection, documentName, update }: beforeHandleMessagePayload) {
    if (connection.readOnly) return;
    const change = updateOf(update);
    if (change) await this.store.append(documentName, change);
  }

  async onChange({ documentName, update, transactionOrigin }: onChangePayload) {
    // Client updates are already in the log; Redis-relayed ones are logged by the process that got them.
    if (transactionOrigin instanceof Connection || transactionOrigin === REDIS_ORIGIN) return;
    await this.store.append(documentName, update);
  }

  async onStoreDocument({ document, documentName }: onStoreDocumentPayload) {
    const { updates } = await this.store.load(documentName);
    const snapshot = Y.snapshot(document);
    const coveredSeqs = updates
      .filter(({ update }) => Y.snapshotContainsUpdate(snapshot, update))
      .map(({ seq }) => seq);
    await this.store.compact(documentName, {
      state: Y.encodeStateAsUpdate(document),
      journey: yDocToJourney(document),
      coveredSeqs,
    });
  }
}

// Clients for collab.bench.ts. LightClient speaks the Hocuspocus protocol directly (auth, sync,
// updates) without a Y.Doc of the map, so hundreds fit in one process; its edits are valid
// journey edits made with a tiny local Y.Doc: it adds its own card once, then rewrites its text.
import WebSocket from 'ws';
import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';

const SYNC = 0;
const AUTH = 2;
const SYNC_REPLY = 4;
const STEP1 = 0;
const STEP2 = 1;
const UPDATE = 2;

const message = (documentName: string, write: (encoder: encoding.Encoder) => void) => {
  const encoder = encoding.createEncoder();
  encoding.writeVarString(encoder, documentName);
  write(encoder);
  return encoding.toUint8Array(encoder);
};

export class LightClient {
  readonly socket: WebSocket;
  readonly synced: Promise<void>;
  onUpdate: ((payload: Uint8Array) => void) | undefined;
  private isSynced = false;
  private readonly local = new Y.Doc();
  private lastVector = Y.encodeStateVector(this.local);

  constructor(
    url: string,
    readonly documentName: string,
    token: string,
  ) {
    this.socket = new WebSocket(url);
    this.socket.binaryType = 'nodebuffer';
    this.synced = new Promise<void>((resolve, reject) => {
      this.socket.on('error', reject);
      this.socket.on('close', (code) => reject(new Error(`closed ${code}`)));
      this.socket.on('open', () => {
        this.socket.send(
          message(
            documentName,
            (e) => (
              encoding.writeVarUint(e, AUTH),
              encoding.writeVarUint(e, 0),
              encoding.writeVarString(e, token)
            ),
          ),
        );
        this.socket.send(
          message(
            documentName,
            (e) => (
              encoding.writeVarUint(e, SYNC),
              encoding.writeVarUint(e, STEP1),
              encoding.writeVarUint8Array(e, new Uint8Array([0]))
            ),
          ),
        );
      });
      this.socket.on('message', (data: Buffer) => {
        // Clients that only keep a connection busy skip decoding once synced (client CPU is the
        // scarce resource at 200 clients on one machine).
        if (this.isSynced && !this.onUpdate) return;
        const decoder = decoding.createDecoder(new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
        decoding.readVarString(decoder);
        const type = decoding.readVarUint(decoder);
        if (type === AUTH) {
          if (decoding.readVarUint(decoder) === 1)
            reject(new Error(`denied: ${decoding.readVarString(decoder)}`));
          return;
        }
        if (type !== SYNC && type !== SYNC_REPLY) return;
        const step = decoding.readVarUint(decoder);
        if (step === STEP1) {
          this.socket.send(
            message(
              documentName,
              (e) => (
                encoding.writeVarUint(e, SYNC),
                encoding.writeVarUint(e, STEP2),
                encoding.writeVarUint8Array(e, new Uint8Array([0, 0]))
              ),
            ),
          );
        } else if (step === STEP2) {
          this.isSynced = true;
          resolve();
        } else if (step === UPDATE) this.onUpdate?.(decoding.readVarUint8Array(decoder));
      });
    });
  }

  /** Sets the text of this client's own card (added on the first edit) and sends the update. */
  edit(text: string): void {
    const cards = this.local.getMap<Y.Map<unknown>>('cards');
    const id = `card:bench${this.local.clientID}`;
    const card = cards.get(id);
    if (card) card.set('text', text);
    else {
      cards.set(
        id,
        new Y.Map<unknown>([
          ['id', id],
          ['laneId', 'lane:l0'],
          ['stageId', 'stage:s0'],
          ['index', `z${this.local.clientID}`],
          ['text', text],
          ['tags', []],
          ['evidenceIds', []],
        ]),
      );
    }
    const update = Y.encodeStateAsUpdate(this.local, this.lastVector);
    this.lastVector = Y.encodeStateVector(this.local);
    this.socket.send(
      message(
        this.documentName,
        (e) => (
          encoding.writeVarUint(e, SYNC),
          encoding.writeVarUint(e, UPDATE),
          encoding.writeVarUint8Array(e, update)
        ),
      ),
    );
  }

  close(): void {
    this.socket.removeAllListeners('close');
    this.socket.on('error', () => undefined);
    this.socket.terminate();
  }
}

/** Whether `haystack` contains the ASCII `needle` (markers are ASCII in Yjs' UTF-8 strings). */
export function containsMarker(haystack: Uint8Array, needle: Buffer): boolean {
  return Buffer.from(haystack.buffer, haystack.byteOffset, haystack.byteLength).includes(needle);
}

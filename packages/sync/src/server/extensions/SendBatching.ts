import type { Socket } from 'node:net';
import type { Extension, beforeHandleMessagePayload } from '@hocuspocus/server';
import { SETTLED } from './Auth';

/** The TCP socket under a `ws` WebSocket (`_socket` is internal to ws, stable across ws 7–8). */
const socketOf = (webSocket: unknown): Socket | undefined => (webSocket as { _socket?: Socket })._socket;

/**
 * Batches what a map's clients are sent while one burst of messages is handled. The write-ahead
 * log releases the updates of one event-loop turn together, once they are durable; Hocuspocus
 * then relays each to every connection, one socket write (a system call) per update per client.
 * Corking the map's sockets for that turn turns k updates to a client into one write of k frames:
 * at 200 clients on one map the writes are most of the server's CPU, and without this a burst
 * costs k times as many. Nothing waits for a timer or the next turn: the sockets are uncorked as
 * soon as the burst has been relayed, so a frame leaves no later than it would behind the rest of it.
 */
export class SendBatching implements Extension {
  // Last of all: runs once the update is durable, right before Hocuspocus applies and relays it.
  priority = 1;
  private readonly corked = new Set<string>();

  beforeHandleMessage({ document, documentName }: beforeHandleMessagePayload): Promise<void> {
    if (this.corked.has(documentName)) return SETTLED;
    const sockets: Socket[] = [];
    for (const connection of document.getConnections()) {
      const socket = socketOf(connection.webSocket);
      if (!socket || socket.destroyed) continue;
      socket.cork();
      sockets.push(socket);
    }
    this.corked.add(documentName);
    // A tick queued from this hook runs once the microtask queue is empty: after Hocuspocus has
    // applied and relayed this update and every other one released in the same turn.
    process.nextTick(() => {
      this.corked.delete(documentName);
      for (const socket of sockets) socket.uncork();
    });
    return SETTLED;
  }
}

// Child process of collab.bench.ts: one collab server, either the Trailmap server (/collab with
// auth, persistence to SQLite, history, social channel) or bare Hocuspocus with the same
// documents and no extensions. Talks to the parent over IPC.
//   node --expose-gc --import tsx bench/collabServer.ts trailmap|bare
import { Server } from '@hocuspocus/server';
import * as Y from 'yjs';
import type { Journey } from '@trailmap/schema';
import { journeyToYDoc } from '@trailmap/sync/server';
import { seedWorkspace, startTestServer } from '../apps/server/src/collab/testServer';

type Request =
  | { id: number; type: 'seed'; maps: Journey[] }
  | { id: number; type: 'stats'; gc?: boolean }
  | { id: number; type: 'stop' };

const mode = process.argv[2] as 'trailmap' | 'bare';
const send = (message: unknown) => process.send!(message);

async function main() {
  if (mode === 'bare') {
    const states = new Map<string, Uint8Array>();
    const server = new Server({
      port: 0,
      address: '127.0.0.1',
      quiet: true,
      // The same document as the Trailmap side; this hook only loads it.
      async onLoadDocument({ document, documentName }) {
        const state = states.get(documentName);
        if (state) Y.applyUpdate(document, state);
      },
    });
    await server.listen();
    const url = `ws://127.0.0.1:${server.address.port}`;
    send({ type: 'ready', url });
    process.on('message', async (request: Request) => {
      if (request.type === 'seed') {
        const ids = request.maps.map((doc) => {
          states.set(doc.map.id, Y.encodeStateAsUpdate(journeyToYDoc(doc, new Y.Doc())));
          return doc.map.id;
        });
        send({ id: request.id, mapIds: ids, token: 'bare' });
      } else if (request.type === 'stats')
        send({ id: request.id, ...stats(request.gc, server.hocuspocus.getDocumentsCount()) });
      else process.exit(0);
    });
    return;
  }
  const server = await startTestServer({ collab: { debounceMs: 2_000, maxDebounceMs: 10_000 } });
  const seed = await seedWorkspace(server);
  send({ type: 'ready', url: server.url });
  process.on('message', async (request: Request) => {
    if (request.type === 'seed') {
      const ids: string[] = [];
      for (const doc of request.maps) {
        const write = await server.services.store.createMap(seed.workspace.id, doc, {
          actorId: seed.owner.user.id,
        });
        ids.push(write.mapId);
      }
      send({ id: request.id, mapIds: ids, token: seed.editor.token });
    } else if (request.type === 'stats') {
      send({
        id: request.id,
        ...stats(request.gc, server.collab.server?.hocuspocus.getDocumentsCount() ?? 0),
      });
    } else {
      await server.stop();
      process.exit(0);
    }
  });
}

function stats(gc: boolean | undefined, documents: number) {
  if (gc) (globalThis as { gc?: () => void }).gc?.();
  const memory = process.memoryUsage();
  return { cpu: process.cpuUsage(), rss: memory.rss, heapUsed: memory.heapUsed, documents };
}

void main();

import { parentPort } from 'node:worker_threads';
import { RasterJob } from './rasterJob';
import type { FromRaster, ToRaster } from './rasterMessages';

/** The raster thread: runs the jobs the main thread opens (see `rasterThread.ts`). */
const port = parentPort!;
const jobs = new Map<number, RasterJob>();

function reply(message: FromRaster, transfer: ArrayBuffer[] = []): void {
  port.postMessage(message, transfer);
}

port.on('message', (message: ToRaster) => {
  if (message.kind === 'start') {
    const job = new RasterJob(message.spec);
    jobs.set(message.id, job);
    job.result.then(
      (png) => {
        if (!jobs.delete(message.id)) return;
        // hand the bytes over without a copy, unless they are a slice of Node's shared pool
        const isOwnBuffer = png.byteOffset === 0 && png.byteLength === png.buffer.byteLength;
        const bytes = isOwnBuffer ? new Uint8Array(png.buffer, 0, png.byteLength) : new Uint8Array(png);
        reply({ kind: 'done', id: message.id, png: bytes }, [bytes.buffer as ArrayBuffer]);
      },
      (error: unknown) => {
        if (!jobs.delete(message.id)) return;
        reply({
          kind: 'failed',
          id: message.id,
          message: error instanceof Error ? error.message : String(error),
        });
      },
    );
    return;
  }
  const job = jobs.get(message.id);
  if (!job) return; // cancelled
  if (message.kind === 'masks') job.setMasks(message.masks);
  else if (message.kind === 'textFailed') job.failText(new Error(message.message));
  else if (message.kind === 'band') job.addBand(message.band);
  else if (message.kind === 'end') job.end();
  else if (message.kind === 'cancel') {
    jobs.delete(message.id); // nobody waits for it now
    job.end(); // it stops after the bands it has (and fails for the missing rows)
  }
});

import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/** How often the background connection folds the write-ahead log back into the database file. */
const CHECKPOINT_EVERY_MS = 250;

/**
 * Runs SQLite's WAL checkpoints on a worker thread with its own connection. SQLite otherwise
 * checkpoints inside whichever commit pushes the log past 1,000 pages, and that commit then waits
 * for the database file's fsync (10–30 ms here) with the event loop blocked, stalling every request
 * in flight. A PASSIVE checkpoint from another connection never blocks writers or readers, and is
 * as safe as the built-in one (it is the same mechanism).
 *
 * The caller turns off `wal_autocheckpoint` on its own connection. `stop()` waits for the worker;
 * closing the last connection afterwards checkpoints whatever is left.
 */
export function startWalCheckpointer(file: string): { stop: () => Promise<void> } {
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  const worker = new Worker(
    `
    const { parentPort, workerData } = require('node:worker_threads');
    const Database = require(workerData.driver);
    const db = new Database(workerData.file);
    db.pragma('busy_timeout = 5000');
    let timer = setInterval(() => {
      try {
        db.pragma('wal_checkpoint(PASSIVE)');
      } catch (error) {
        // A busy or locked moment is retried on the next tick; anything else is reported.
        if (!/SQLITE_BUSY|SQLITE_LOCKED/.test(String(error && error.code))) parentPort.postMessage(String(error));
      }
    }, workerData.everyMs);
    parentPort.on('message', () => {
      clearInterval(timer);
      db.close();
      parentPort.close();
    });
    `,
    { eval: true, workerData: { driver, file, everyMs: CHECKPOINT_EVERY_MS } },
  );
  worker.unref();
  worker.on('message', (problem) => process.emitWarning(`SQLite checkpoint: ${String(problem)}`));
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  worker.once('error', (error) => process.emitWarning(`SQLite checkpointer stopped: ${error.message}`));
  return {
    stop: async () => {
      // Referenced again so the process stays up until the worker has closed its connection.
      worker.ref();
      worker.postMessage('stop');
      await exited;
    },
  };
}

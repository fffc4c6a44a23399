import cliProgress from 'cli-progress';

export interface ProgressReporter {
  /** One item finished; `note` is printed as a line when no bar is shown. */
  done(note?: string): void;
  stop(): void;
}

/**
 * A progress bar on stderr for batches on a terminal; in pipes and CI (no TTY, or a single
 * item) it prints the notes line by line instead, so logs stay readable.
 */
export function progressReporter(total: number, label: string): ProgressReporter {
  if (total < 2 || !process.stderr.isTTY) {
    return {
      done: (note) => {
        if (note) process.stderr.write(`${note}\n`);
      },
      stop: () => undefined,
    };
  }
  const bar = new cliProgress.SingleBar(
    { format: `${label} [{bar}] {value}/{total} {note}`, stream: process.stderr, hideCursor: true },
    cliProgress.Presets.shades_classic,
  );
  bar.start(total, 0, { note: '' });
  return {
    done: (note) => bar.increment(1, { note: note ?? '' }),
    stop: () => bar.stop(),
  };
}

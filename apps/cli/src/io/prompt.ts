import { createInterface } from 'node:readline';
import { CliError, EXIT } from '../errors';

/** Asks questions on stderr; answers come from the terminal, or line by line from piped stdin. */
export interface Prompter {
  ask(question: string): Promise<string>;
  /** Like `ask`, but a terminal does not echo what is typed. */
  askHidden(question: string): Promise<string>;
  close(): void;
}

type Input = NodeJS.ReadableStream & { isTTY?: boolean; setRawMode?: (raw: boolean) => unknown };

/**
 * One reader for the whole conversation, so piped input (`printf 'me@x\nsecret\n' | trailmap
 * login …`) gives each question its own line instead of the first question swallowing them all.
 */
export function createPrompter(
  input: Input = process.stdin,
  output: NodeJS.WritableStream = process.stderr,
): Prompter {
  const terminal = Boolean(input.isTTY && input.setRawMode);
  const lines: string[] = [];
  const waiting: ((line: string | null) => void)[] = [];
  let ended = false;
  let reader: ReturnType<typeof createInterface> | undefined;

  const nextLine = (): Promise<string | null> => {
    if (!reader) {
      reader = createInterface({ input, terminal: false, crlfDelay: Infinity });
      reader.on('line', (line) => (waiting.length ? waiting.shift()!(line) : lines.push(line)));
      reader.on('close', () => {
        ended = true;
        for (const resolve of waiting.splice(0)) resolve(null);
      });
    }
    if (lines.length) return Promise.resolve(lines.shift()!);
    if (ended) return Promise.resolve(null);
    input.resume();
    return new Promise((resolve) => waiting.push(resolve));
  };

  const askLine = async (question: string) => {
    output.write(question);
    const line = await nextLine();
    input.pause();
    if (line === null) {
      output.write('\n');
      throw new CliError(`no answer to "${question.trim()}" on stdin`, EXIT.usage);
    }
    if (!terminal) output.write('\n');
    return line;
  };

  return {
    ask: async (question) => (await askLine(question)).trim(),
    askHidden: (question) => {
      if (!terminal) return askLine(question);
      // The line reader would see the raw keystrokes too: let the hidden reader have the terminal.
      reader?.close();
      reader = undefined;
      ended = false;
      return readHidden(input, output, question);
    },
    close: () => reader?.close(),
  };
}

/** Reads one line from a terminal in raw mode, echoing nothing. Ctrl-C cancels. */
function readHidden(input: Input, output: NodeJS.WritableStream, question: string): Promise<string> {
  // Echo goes off before the prompt shows, so nothing typed after seeing it is ever echoed.
  input.setRawMode!(true);
  output.write(question);
  return new Promise((resolve, reject) => {
    let value = '';
    const finish = (error?: CliError) => {
      input.off('data', onData);
      input.setRawMode!(false);
      input.pause();
      output.write('\n');
      if (error) reject(error);
      else resolve(value);
    };
    const onData = (chunk: Buffer | string) => {
      for (const char of String(chunk)) {
        if (char === '\r' || char === '\n') return finish();
        if (char === '\u0003') return finish(new CliError('cancelled', EXIT.invalid));
        if (char === '\u0004' && value === '') return finish(new CliError('no password given', EXIT.usage));
        if (char === '\u007f' || char === '\b') value = [...value].slice(0, -1).join('');
        else if (char >= ' ') value += char;
      }
    };
    input.on('data', onData);
    input.resume();
  });
}

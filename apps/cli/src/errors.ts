export const EXIT = { ok: 0, invalid: 1, usage: 2, internal: 3 } as const;

/** An error the user can act on; its message is printed as is, without a stack trace. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = EXIT.invalid,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

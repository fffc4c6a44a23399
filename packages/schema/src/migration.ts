/** A loosely-typed record or document as read from a file, before it is validated. */
export type LooseRecord = Record<string, unknown>;

/**
 * One step of the document format's history. Record migrations rewrite each record of one
 * collection; document migrations rewrite the whole document. `up` must not mutate its input.
 */
export type Migration =
  | {
      id: string;
      /** The schemaVersion a document has after this step. */
      toVersion: number;
      description: string;
      collection: string;
      up: (record: LooseRecord) => LooseRecord;
    }
  | {
      id: string;
      toVersion: number;
      description: string;
      collection?: undefined;
      up: (document: LooseRecord) => LooseRecord;
    };

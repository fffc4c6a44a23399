import * as Y from 'yjs';
import { COLLECTIONS, type CollectionName, type Journey } from '@trailmap/schema';
import { canonicalOrder } from './fromYDoc';
import { MAP_KEY, META_KEY, jsonEqual } from './layout';
import { repairJourney } from './repair';

/** One person's share of the edits since the JSON document was last written. */
export interface Contribution<A> {
  author: A;
  /** What they touched: `<collection>/<record id>`, `map` or `meta`. */
  records: string[];
}

const collections = new Set<string>(COLLECTIONS);

/** The record an integrated Yjs item belongs to, as `<collection>/<id>`, `map` or `meta`; null for the rest. */
function recordKeyOf(item: Y.Item): string | null {
  const parent = item.parent as Y.AbstractType<unknown>;
  if (!parent._item) {
    const root = Y.findRootTypeKey(parent);
    if (collections.has(root)) return item.parentSub === null ? null : `${root}/${item.parentSub}`;
    return root === MAP_KEY || root === META_KEY ? root : null;
  }
  const record = parent._item;
  const collection = record.parent as Y.AbstractType<unknown>;
  if (collection._item) return null;
  const root = Y.findRootTypeKey(collection);
  return collections.has(root) && record.parentSub !== null ? `${root}/${record.parentSub}` : null;
}

/**
 * The records an update (already applied to `document`) wrote or deleted. Comments and votes
 * are not records of the journey and are left out.
 */
export function touchedRecords(document: Y.Doc, update: Uint8Array): Set<string> {
  const keys = new Set<string>();
  const visit = (client: number, clock: number) => {
    if (clock >= Y.getState(document.store, client)) return Number.POSITIVE_INFINITY;
    const struct = Y.getItem(document.store, Y.createID(client, clock));
    if (struct instanceof Y.Item) {
      const key = recordKeyOf(struct);
      if (key) keys.add(key);
    }
    return struct.id.clock + struct.length;
  };
  const { structs, ds } = Y.decodeUpdate(update);
  for (const struct of structs) if (struct instanceof Y.Item) visit(struct.id.client, struct.id.clock);
  for (const [client, deletions] of ds.clients) {
    for (const { clock, len } of deletions) {
      for (let at = clock; at < clock + len;) at = visit(client, at);
    }
  }
  return keys;
}

/** `doc` with the given records taken as they are in `final` (added, changed or removed). */
function withRecords(doc: Journey, final: Journey, keys: readonly string[]): Journey {
  const next = { ...doc } as Record<string, unknown>;
  if (keys.includes(MAP_KEY)) next.map = final.map;
  if (keys.includes(META_KEY)) next.$schema = final.$schema;
  for (const collection of COLLECTIONS) {
    const prefix = `${collection}/`;
    const touched = new Set(
      keys.filter((key) => key.startsWith(prefix)).map((key) => key.slice(prefix.length)),
    );
    if (touched.size === 0) continue;
    type Row = Journey[CollectionName][number];
    const before = new Map((doc[collection] as Row[]).map((record) => [record.id, record]));
    const after = final[collection] as Row[];
    const afterIds = new Set(after.map((record) => record.id));
    next[collection] = [
      ...after
        .filter((record) => touched.has(record.id) || before.has(record.id))
        .map((record) => (touched.has(record.id) ? record : before.get(record.id)!)),
      ...(doc[collection] as Row[]).filter((record) => !touched.has(record.id) && !afterIds.has(record.id)),
    ];
  }
  if (next.$schema === undefined) delete next.$schema;
  return next as Journey;
}

/**
 * Splits what happened between two JSON documents into one version per author: each version
 * takes the records that author touched (in the order people started editing), so version
 * history names everyone who edited in a debounce window, each beside their own changes. A
 * record touched by several people lands in the first of their versions with its final state.
 * In-between versions are repaired; someone whose change only shows once another's lands (a
 * card in a lane someone else added) gets their version after the others. The last version is
 * always exactly `final` (changes nobody in `contributions` made go there too).
 */
export function versionsByAuthor<A>(
  base: Journey,
  final: Journey,
  contributions: readonly Contribution<A>[],
): { author: A | undefined; doc: Journey }[] {
  const same = (a: Journey, b: Journey) => jsonEqual(canonicalOrder(a), canonicalOrder(b));
  const claimed = new Set<string>();
  let pending = contributions.map(({ author, records }) => {
    const mine = records.filter((key) => !claimed.has(key));
    mine.forEach((key) => claimed.add(key));
    return { author, records: mine };
  });
  const versions: { author: A | undefined; doc: Journey }[] = [];
  let doc = base;
  for (let round = 0; round < 2 && pending.length > 0; round++) {
    const deferred: typeof pending = [];
    for (const contribution of pending) {
      const next = repairJourney(withRecords(doc, final, contribution.records));
      if (same(next, doc)) {
        if (contribution.records.length > 0) deferred.push(contribution);
        continue;
      }
      versions.push({ author: contribution.author, doc: next });
      doc = next;
    }
    pending = deferred;
  }
  if (versions.length === 0)
    return same(base, final) ? [] : [{ author: contributions.at(-1)?.author, doc: final }];
  versions.at(-1)!.doc = final;
  return versions;
}

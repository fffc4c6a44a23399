import {
  Connection,
  type Extension,
  type onChangePayload,
  type onStoreDocumentPayload,
} from '@hocuspocus/server';
import { yDocToJourney } from '../../doc/fromYDoc';
import type { Actor } from '../../social/model';
import type { AuthContext } from './Auth';
import { isServerOrigin, type VersionEntry } from '../types';

/**
 * Version history: after edits, a version entry naming everyone who changed the map since the
 * previous one. Entries are debounced (at most one per `minIntervalMs` while people edit) and
 * flushed when the last client leaves, so a workshop yields a handful of versions, not one per
 * keystroke. Comments and votes alone do not create versions.
 */
export class History implements Extension {
  priority = 20;
  private readonly authors = new Map<string, Map<string, Actor>>();
  private readonly lastVersionAt = new Map<string, number>();

  constructor(
    private readonly record: (entry: VersionEntry) => Promise<void>,
    private readonly minIntervalMs = 5 * 60_000,
  ) {}

  async onChange({ documentName, transactionOrigin }: onChangePayload) {
    const actor =
      transactionOrigin instanceof Connection
        ? (transactionOrigin.context as AuthContext).identity?.user
        : isServerOrigin(transactionOrigin) && transactionOrigin.kind !== 'social'
          ? transactionOrigin.actor
          : undefined;
    if (!actor) return;
    if (!this.authors.has(documentName)) this.authors.set(documentName, new Map());
    this.authors.get(documentName)!.set(actor.id, actor);
  }

  async onStoreDocument({ document, documentName, clientsCount }: onStoreDocumentPayload) {
    const authors = this.authors.get(documentName);
    if (!authors || authors.size === 0) return;
    const elapsed = Date.now() - (this.lastVersionAt.get(documentName) ?? 0);
    if (clientsCount > 0 && elapsed < this.minIntervalMs) return;
    this.authors.delete(documentName);
    this.lastVersionAt.set(documentName, Date.now());
    await this.record({
      mapId: documentName,
      journey: yDocToJourney(document),
      authors: [...authors.values()],
    });
  }

  async afterUnloadDocument({ documentName }: { documentName: string }) {
    this.lastVersionAt.delete(documentName);
  }
}

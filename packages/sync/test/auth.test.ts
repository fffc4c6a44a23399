import { describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { yDocToJourney } from '../src/client/index';
import { TOKENS, client, freshMapId, seedJourney, startCollab, synced } from './helpers';

const waitOptions = { timeout: 10_000, interval: 20 };
const addCard = (text: string) => ({
  command: 'card.add',
  input: { laneId: 'lane:a', stageId: 'stage:a', text },
});
const cardTexts = (ydoc: Y.Doc) => yDocToJourney(ydoc).cards.map((card) => card.text);

describe('authentication and authorization on /collab', () => {
  it('refuses an unknown token as Unauthorized', async () => {
    const mapId = freshMapId();
    const { url } = await startCollab([seedJourney(mapId)]);
    const failed: string[] = [];
    const intruder = client(url, mapId, 'tok-nonsense', { failed });
    await vi.waitFor(() => expect(failed).toEqual(['Unauthorized']), waitOptions);
    expect(intruder.provider.isSynced).toBe(false);
  });

  it("rejects a viewer's update: never applied, never relayed, never persisted", async () => {
    const mapId = freshMapId();
    const { url, collab, store } = await startCollab([seedJourney(mapId)]);
    const editor = client(url, mapId, 'tok-editor');
    const viewer = client(url, mapId, 'tok-viewer');
    await Promise.all([synced(editor), synced(viewer)]);
    viewer.session.run(addCard('from viewer'));
    editor.session.run(addCard('from editor'));
    // The viewer still receives updates ...
    await vi.waitFor(() => expect(cardTexts(viewer.ydoc)).toContain('from editor'), waitOptions);
    await vi.waitFor(
      () => expect(collab.read(mapId)?.cards.map((card) => card.text)).toEqual(['from editor']),
      waitOptions,
    );
    // ... but its change reached neither the server document, nor the editor, nor the store.
    expect(cardTexts(editor.ydoc)).toEqual(['from editor']);
    expect(viewer.provider.hasUnsyncedChanges).toBe(true);
    const persisted = new Y.Doc();
    for (const { update } of store.logs.get(mapId) ?? []) Y.applyUpdate(persisted, update);
    expect(JSON.stringify(persisted.getMap('cards').toJSON())).not.toContain('from viewer');
  });

  it('lets a commenter read live but not edit', async () => {
    const mapId = freshMapId();
    const { url, collab } = await startCollab([seedJourney(mapId)]);
    const commenter = client(url, mapId, 'tok-commenter');
    await synced(commenter);
    commenter.session.run(addCard('sneaky'));
    const { thread } = await commenter.social.comment(
      { kind: 'stage', id: 'stage:a' },
      'Allowed to say this',
    );
    expect(thread.createdBy.id).toBe('user:carla');
    expect(collab.read(mapId)?.cards).toEqual([]);
  });

  it('disconnects live clients of a revoked share link with 4403, and refuses them afterwards', async () => {
    const mapId = freshMapId();
    const { url, collab, revokedLinks } = await startCollab([seedJourney(mapId)]);
    const guest = client(url, mapId, 'share-edit');
    const member = client(url, mapId, 'tok-editor');
    await Promise.all([synced(guest), synced(member)]);
    const closeCodes: number[] = [];
    guest.provider.on('close', ({ event }: { event: { code: number } }) => closeCodes.push(event.code));
    const failed: string[] = [];
    guest.provider.on('authenticationFailed', ({ reason }: { reason: string }) => failed.push(reason));

    revokedLinks.add('link-2');
    expect(collab.disconnect((identity) => identity.shareLinkId === 'link-2')).toBe(1);
    await vi.waitFor(() => expect(closeCodes).toContain(4403), waitOptions);
    // the provider reconnects on its own; the revoked token is refused now
    await vi.waitFor(() => expect(failed).toContain('Unauthorized'), waitOptions);
    guest.session.run(addCard('after revocation'));
    member.session.run(addCard('member'));
    await vi.waitFor(() => expect(cardTexts(guest.ydoc)).toEqual(['after revocation']), waitOptions);
    await vi.waitFor(
      () => expect(collab.read(mapId)?.cards.map((card) => card.text)).toEqual(['member']),
      waitOptions,
    );
  });

  it('re-authorizes on every message: a link revoked elsewhere is closed on its next update', async () => {
    const mapId = freshMapId();
    const { url, collab, revokedLinks } = await startCollab([seedJourney(mapId)]);
    const guest = client(url, mapId, 'share-edit');
    await synced(guest);
    const closeCodes: number[] = [];
    guest.provider.on('close', ({ event }: { event: { code: number } }) => closeCodes.push(event.code));
    revokedLinks.add('link-2'); // e.g. revoked through another server process
    guest.session.run(addCard('too late'));
    await vi.waitFor(() => expect(closeCodes).toContain(4403), waitOptions);
    expect(collab.read(mapId)?.cards ?? []).toEqual([]);
  });

  it('keeps a decision while it is current, and re-checks on the next message once the host says access changed', async () => {
    const mapId = freshMapId();
    let generation = 0;
    let checks = 0;
    const revoked = new Set<string>();
    const { url, collab } = await startCollab([seedJourney(mapId)], {
      reauthorizeAfterMs: 60_000,
      auth: {
        async authenticate({ token }) {
          return token ? (TOKENS[token] ?? null) : null;
        },
        async authorize(_mapId, identity) {
          if (identity.shareLinkId === 'link-2') checks++;
          return identity.shareLinkId && revoked.has(identity.shareLinkId) ? null : identity.role;
        },
        generation: () => generation,
      },
    });
    const guest = client(url, mapId, 'share-edit');
    const viewer = client(url, mapId, 'tok-viewer'); // keeps the document open
    await Promise.all([synced(guest), synced(viewer)]);
    const closeCodes: number[] = [];
    guest.provider.on('close', ({ event }: { event: { code: number } }) => closeCodes.push(event.code));
    guest.session.run(addCard('first'));
    await vi.waitFor(() => expect(collab.read(mapId)?.cards.map((card) => card.text)).toEqual(['first']));
    expect(checks).toBe(0); // the decision made on connect still holds: no query per message
    revoked.add('link-2');
    generation++; // e.g. the server revoked the link and cleared its access caches
    guest.session.run(addCard('too late'));
    guest.session.run(addCard('even later'));
    await vi.waitFor(() => expect(closeCodes).toContain(4403), waitOptions);
    expect(checks).toBe(1); // the messages behind the re-check waited for its answer
    expect(collab.read(mapId)?.cards.map((card) => card.text)).toEqual(['first']);
    expect(cardTexts(viewer.ydoc)).toEqual(['first']);
  });
});

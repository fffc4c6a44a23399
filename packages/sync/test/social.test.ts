import { describe, expect, it, vi } from 'vitest';
import { commentToHtml, rankVotes, readThreads, readVoteSessions, yDocToJourney } from '../src/client/index';
import { client, freshMapId, seedJourney, startCollab, synced, USERS } from './helpers';

const waitOptions = { timeout: 10_000, interval: 20 };

describe('comments and @mentions', () => {
  it('threads on a card, replies, resolve and reopen reach every live client; mentions notify members only', async () => {
    const mapId = freshMapId();
    const seed = seedJourney(mapId);
    seed.cards.push({
      id: 'card:pain',
      laneId: 'lane:a',
      stageId: 'stage:a',
      index: 'a0',
      text: 'Slow',
      tags: [],
      evidenceIds: [],
    });
    const { url, mentions } = await startCollab([seed]);
    const commenter = client(url, mapId, 'tok-commenter');
    const editor = client(url, mapId, 'tok-editor');
    await Promise.all([synced(commenter), synced(editor)]);

    const text = 'Why is this slow? @Eddie <script>alert(1)</script>';
    const { thread } = await commenter.social.comment({ kind: 'card', id: 'card:pain' }, text, [
      USERS.editor.id,
      'user:stranger',
    ]);
    await editor.social.reply(thread.id, 'Looking into it @Carla', [USERS.commenter.id]);
    await vi.waitFor(() => {
      const [seen] = readThreads(editor.ydoc, { kind: 'card', id: 'card:pain' });
      expect(seen?.comments.map((comment) => comment.author.name)).toEqual(['Carla', 'Eddie']);
    }, waitOptions);

    expect(mentions.map((event) => event.comment.mentions.map((mention) => mention.userId))).toEqual([
      [USERS.editor.id],
      [USERS.commenter.id],
    ]);
    const [first] = readThreads(commenter.ydoc)[0]!.comments;
    expect(first!.text).toBe(text); // stored as plain text, as typed
    const html = commentToHtml(first!);
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;');
    expect(html).toContain('<span class="mention" data-user-id="user:eddie">@Eddie</span>');

    await editor.social.resolve(thread.id);
    await vi.waitFor(
      () => expect(readThreads(commenter.ydoc)[0]?.resolvedBy?.id).toBe(USERS.editor.id),
      waitOptions,
    );
    await commenter.social.reopen(thread.id);
    await vi.waitFor(() => expect(readThreads(editor.ydoc)[0]?.resolvedAt).toBeUndefined(), waitOptions);
  });

  it('refuses comments on anchors that do not exist, and refuses viewers', async () => {
    const mapId = freshMapId();
    const { url } = await startCollab([seedJourney(mapId)]);
    const editor = client(url, mapId, 'tok-editor');
    const viewer = client(url, mapId, 'tok-viewer');
    await Promise.all([synced(editor), synced(viewer)]);
    await expect(editor.social.comment({ kind: 'card', id: 'card:ghost' }, 'hello')).rejects.toMatchObject({
      code: 'ANCHOR_NOT_FOUND',
    });
    await expect(viewer.social.comment({ kind: 'stage', id: 'stage:a' }, 'hello')).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(editor.social.comment({ kind: 'stage', id: 'stage:a' }, '   ')).rejects.toMatchObject({
      code: 'INVALID_INPUT',
    });
  });

  it('the HTTP side (CollabServer.social) writes into the live document too', async () => {
    const mapId = freshMapId();
    const { url, collab } = await startCollab([seedJourney(mapId)]);
    const editor = client(url, mapId, 'tok-editor');
    await synced(editor);
    await collab.social({
      mapId,
      actor: USERS.owner,
      role: 'owner',
      action: 'comment.create',
      input: { anchor: { kind: 'opportunity', id: 'opp:one' }, text: 'From the API' },
    });
    await vi.waitFor(
      () => expect(readThreads(editor.ydoc)[0]?.comments[0]?.text).toBe('From the API'),
      waitOptions,
    );
    expect((await collab.readSocial(mapId)).threads).toHaveLength(1);
  });
});

describe('dot-voting', () => {
  it('hidden votes stay hidden until revealed, results are ranked, closing writes opportunity votes', async () => {
    const mapId = freshMapId();
    const { url, collab } = await startCollab([seedJourney(mapId)]);
    const facilitator = client(url, mapId, 'tok-owner');
    const commenter = client(url, mapId, 'tok-commenter');
    const viewer = client(url, mapId, 'tok-viewer');
    await Promise.all([synced(facilitator), synced(commenter), synced(viewer)]);

    await expect(commenter.social.startVote({ votesPerPerson: 3 })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    const { session } = await facilitator.social.startVote({
      votesPerPerson: 3,
      isHidden: true,
      title: 'What first?',
    });
    await commenter.social.vote(session.id, { 'opp:two': 2, 'opp:one': 1 });
    await facilitator.social.vote(session.id, { 'opp:two': 1 });
    await expect(commenter.social.vote(session.id, { 'opp:one': 4 })).rejects.toMatchObject({
      code: 'TOO_MANY_VOTES',
    });
    await expect(viewer.social.vote(session.id, { 'opp:one': 1 })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });

    await vi.waitFor(
      () =>
        expect(readVoteSessions(viewer.ydoc)[0]?.used).toEqual({
          [USERS.commenter.id]: 3,
          [USERS.owner.id]: 1,
        }),
      waitOptions,
    );
    expect(readVoteSessions(viewer.ydoc)[0]?.tallies).toBeNull();
    expect(JSON.stringify(viewer.ydoc.getMap('voteSessions').toJSON())).not.toContain('opp:two');
    await expect(commenter.social.reveal(session.id)).rejects.toMatchObject({ code: 'FORBIDDEN' });

    await facilitator.social.reveal(session.id);
    await vi.waitFor(() => {
      const revealed = readVoteSessions(viewer.ydoc)[0]!;
      expect(rankVotes(revealed)).toEqual([
        { opportunityId: 'opp:two', votes: 3 },
        { opportunityId: 'opp:one', votes: 1 },
      ]);
    }, waitOptions);

    await facilitator.social.close(session.id);
    await expect(commenter.social.vote(session.id, { 'opp:one': 1 })).rejects.toMatchObject({
      code: 'VOTE_SESSION_CLOSED',
    });
    await vi.waitFor(() => {
      const votes = yDocToJourney(viewer.ydoc).opportunities.map((opportunity) => [
        opportunity.id,
        opportunity.votes,
      ]);
      expect(votes).toEqual([
        ['opp:one', 1],
        ['opp:two', 3],
      ]);
    }, waitOptions);
    expect(collab.read(mapId)?.opportunities.map((opportunity) => opportunity.votes)).toEqual([1, 3]);
  });

  it('open (not hidden) sessions show tallies as votes come in', async () => {
    const mapId = freshMapId();
    const { url } = await startCollab([seedJourney(mapId)]);
    const editor = client(url, mapId, 'tok-editor');
    const commenter = client(url, mapId, 'tok-commenter');
    await Promise.all([synced(editor), synced(commenter)]);
    const { session } = await editor.social.startVote({ votesPerPerson: 2 });
    await commenter.social.vote(session.id, { 'opp:one': 2 });
    await vi.waitFor(
      () => expect(readVoteSessions(editor.ydoc)[0]?.tallies).toEqual({ 'opp:one': 2 }),
      waitOptions,
    );
  });
});

describe('only the server writes comments and votes', () => {
  it("refuses an editor's direct write to the comment maps (no forged authors) and closes with 4403", async () => {
    const mapId = freshMapId();
    const { url, collab } = await startCollab([seedJourney(mapId)]);
    const editor = client(url, mapId, 'tok-editor');
    await synced(editor);
    const { thread } = await editor.social.comment({ kind: 'stage', id: 'stage:a' }, 'real');
    await vi.waitFor(() => expect(readThreads(editor.ydoc)).toHaveLength(1), waitOptions);
    const codes: number[] = [];
    editor.provider.on('close', ({ event }: { event: { code: number } }) => codes.push(event.code));
    editor.ydoc.getMap('comments').set('comment:forged', {
      id: 'comment:forged',
      threadId: thread.id,
      author: USERS.owner,
      text: 'I never wrote this',
      mentions: [],
      createdAt: '2026-01-01T00:00:00Z',
    });
    await vi.waitFor(() => expect(codes).toContain(4403), waitOptions);
    const { threads } = await collab.readSocial(mapId);
    expect(threads[0]?.comments.map((comment) => comment.text)).toEqual(['real']);
  });
});

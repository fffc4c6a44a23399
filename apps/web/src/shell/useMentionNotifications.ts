import { useEffect, useRef } from 'react';
import type { OpenedMap } from '../session/openMapSession';
import { notify } from './notifications';

/** Turns new comments that mention me (in the open map) into notifications. */
export function useMentionNotifications(opened: OpenedMap | undefined, userId: string, mapId: string) {
  const seen = useRef(new Set<string>());
  useEffect(() => {
    const collaboration = opened?.collaboration;
    if (!collaboration) return;
    const check = () => {
      const doc = opened.session.getDoc();
      for (const card of doc.cards) {
        for (const comment of collaboration.comments(card.id)) {
          if (seen.current.has(comment.id)) continue;
          seen.current.add(comment.id);
          if (comment.mentions.includes(userId) && comment.authorId !== userId) {
            notify({
              id: comment.id,
              text: `${comment.authorName} mentioned you: “${comment.text.slice(0, 80)}”`,
              mapId,
              cardId: card.id,
              createdAt: comment.createdAt,
            });
          }
        }
      }
    };
    check();
    return collaboration.subscribe(check);
  }, [opened, userId, mapId]);
}

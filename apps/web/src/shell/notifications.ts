import { createStore } from '../lib/store';
import type { AppNotification } from '../collab/CollaborationApi';

/** Notifications gathered in this tab (mentions of me in maps I have open). */
export const notificationStore = createStore<AppNotification[]>([]);

export function notify(notification: Omit<AppNotification, 'isRead'>): void {
  notificationStore.set((list) =>
    list.some((item) => item.id === notification.id)
      ? list
      : [{ ...notification, isRead: false }, ...list].slice(0, 50),
  );
}

export function markAllRead(): void {
  notificationStore.set((list) =>
    list.every((item) => item.isRead) ? list : list.map((item) => ({ ...item, isRead: true })),
  );
}

import { endpoints } from '../api/endpoints';
import type { ServerNotification } from '../api/types';
import { createStore } from '../lib/store';

/** The signed-in user's notifications (mentions, replies), as the server keeps them. */
export const notificationStore = createStore<ServerNotification[]>([]);

export async function refreshNotifications(): Promise<void> {
  try {
    notificationStore.set(await endpoints.notifications());
  } catch (error) {
    console.info('notifications unavailable', error);
  }
}

export async function markAllRead(): Promise<void> {
  if (notificationStore.get().every((item) => item.readAt)) return;
  await endpoints.readAllNotifications();
  await refreshNotifications();
}

/** A one-line description of a notification. */
export function describeNotification(item: ServerNotification): string {
  const who = item.author.name ?? 'Someone';
  const what = item.kind === 'mention' ? 'mentioned you' : item.kind === 'reply' ? 'replied' : item.kind;
  return `${who} ${what}${item.excerpt ? `: “${item.excerpt}”` : ''}`;
}

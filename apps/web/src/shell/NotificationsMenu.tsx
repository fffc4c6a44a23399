import { useEffect, useState, useSyncExternalStore } from 'react';
import { describeNotification, markAllRead, notificationStore, refreshNotifications } from './notifications';
import { Link } from '../ui/Link';
import { mapPath } from '../app/router';
import { formatWhen } from '../canvas/format';
import { toastError } from '../ui/toasts';

const POLL_MS = 20_000;

/** A bell with the unread count; opens the list of mentions and replies. */
export function NotificationsMenu() {
  const notifications = useSyncExternalStore(notificationStore.subscribe, notificationStore.get);
  const [isOpen, setOpen] = useState(false);
  useEffect(() => {
    void refreshNotifications();
    const timer = setInterval(() => void refreshNotifications(), POLL_MS);
    return () => clearInterval(timer);
  }, []);
  const unread = notifications.filter((item) => !item.readAt).length;
  const toggle = () => {
    if (isOpen) markAllRead().catch(toastError);
    else void refreshNotifications();
    setOpen(!isOpen);
  };
  return (
    <div className="notifications">
      <button
        type="button"
        aria-expanded={isOpen}
        aria-label={`Notifications${unread ? `, ${unread} unread` : ''}`}
        data-testid="notifications-button"
        onClick={toggle}
      >
        <span aria-hidden="true">🔔</span>
        {unread > 0 && (
          <span className="badge" data-testid="notifications-unread">
            {unread}
          </span>
        )}
      </button>
      {isOpen && (
        <ul className="notifications-menu" data-testid="notifications-menu">
          {notifications.length === 0 && <li className="muted">Nothing new.</li>}
          {notifications.map((item) => (
            <li key={item.id} className={item.readAt ? undefined : 'unread'} data-testid="notification">
              {item.mapId ? (
                <Link href={mapPath(item.mapId)}>{describeNotification(item)}</Link>
              ) : (
                describeNotification(item)
              )}
              <div className="muted">{formatWhen(item.createdAt)}</div>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

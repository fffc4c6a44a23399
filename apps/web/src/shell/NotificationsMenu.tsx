import { useState, useSyncExternalStore } from 'react';
import { markAllRead, notificationStore } from './notifications';
import { Link } from '../ui/Link';
import { mapPath } from '../app/router';
import { formatWhen } from '../canvas/format';

/** A bell with unread count; opens the list of mentions. */
export function NotificationsMenu() {
  const notifications = useSyncExternalStore(notificationStore.subscribe, notificationStore.get);
  const [isOpen, setOpen] = useState(false);
  const unread = notifications.filter((item) => !item.isRead).length;
  return (
    <div className="notifications">
      <button
        type="button"
        aria-expanded={isOpen}
        aria-haspopup="true"
        aria-label={`Notifications${unread ? `, ${unread} unread` : ''}`}
        data-testid="notifications-button"
        onClick={() => {
          setOpen(!isOpen);
          if (isOpen) markAllRead();
        }}
      >
        🔔
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
            <li key={item.id} className={item.isRead ? undefined : 'unread'}>
              {item.mapId ? <Link href={mapPath(item.mapId)}>{item.text}</Link> : item.text}
              <div className="muted">{formatWhen(item.createdAt)}</div>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

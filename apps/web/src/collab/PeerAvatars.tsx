import { useSyncExternalStore } from 'react';
import { useEditor } from '../editor/EditorContext';

/** Who else has this map open. */
export function PeerAvatars() {
  const { session } = useEditor();
  const peers = useSyncExternalStore(session.subscribe, session.getPeers);
  if (peers.length === 0) return null;
  return (
    <ul
      className="avatars"
      aria-label={`${peers.length} other ${peers.length === 1 ? 'person' : 'people'} here`}
      data-testid="peer-avatars"
    >
      {peers.slice(0, 6).map((peer) => (
        <li key={peer.clientId} className="avatar" style={{ background: peer.color }} title={peer.name}>
          {peer.name.slice(0, 1).toUpperCase()}
        </li>
      ))}
      {peers.length > 6 && <li className="avatar avatar-more">+{peers.length - 6}</li>}
    </ul>
  );
}

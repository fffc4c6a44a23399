import { useEffect, useRef, useState, type FormEvent } from 'react';
import { endpoints } from '../api/endpoints';
import type { Role, ShareLink, WorkspaceMember } from '../api/types';
import { showToast, toastError } from '../ui/toasts';
import { formatWhen } from '../canvas/format';

/** The link people open: only the token; the page asks the server which map it opens. */
export const shareUrl = (token: string) => `${window.location.origin}/s/${encodeURIComponent(token)}`;

/** Members and their roles, and read-only links with role and expiry (revocable). */
export function ShareDialog({
  mapId,
  workspaceId,
  onClose,
}: {
  mapId: string;
  workspaceId: string;
  onClose: () => void;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [members, setMembers] = useState<WorkspaceMember[]>([]);
  const [links, setLinks] = useState<ShareLink[]>([]);
  const [created, setCreated] = useState<string | undefined>();
  const [role, setRole] = useState<'viewer' | 'commenter'>('viewer');
  const [expiry, setExpiry] = useState('');
  const [email, setEmail] = useState('');
  const [memberRole, setMemberRole] = useState<Role>('editor');

  const load = () => {
    endpoints.workspaceMembers(workspaceId).then(setMembers, toastError);
    endpoints.shareLinks(mapId).then(setLinks, toastError);
  };
  useEffect(() => {
    dialog.current?.showModal();
    load();
    // Loading once per open dialog is intended.
  }, []);
  const createLink = async (event: FormEvent) => {
    event.preventDefault();
    try {
      const expiresAt = expiry ? new Date(`${expiry}T23:59:59`).toISOString() : undefined;
      const result = await endpoints.createShareLink(mapId, role, expiresAt);
      setCreated(shareUrl(result.token));
      load();
    } catch (error) {
      toastError(error);
    }
  };
  const invite = async (event: FormEvent) => {
    event.preventDefault();
    try {
      await endpoints.addWorkspaceMember(workspaceId, email.trim(), memberRole);
      setEmail('');
      showToast('success', 'Member added');
      load();
    } catch (error) {
      toastError(error);
    }
  };
  return (
    <dialog
      ref={dialog}
      className="dialog"
      aria-labelledby="share-title"
      onClose={onClose}
      data-testid="share-dialog"
    >
      <h2 id="share-title">Share this map</h2>
      <h3>People</h3>
      <table className="table">
        <tbody>
          {members.map((member) => (
            <tr key={member.userId}>
              <td>{member.name || member.email}</td>
              <td className="muted">{member.email}</td>
              <td>
                <select
                  aria-label={`Role of ${member.name || member.email} on this map`}
                  defaultValue={member.role}
                  onChange={(e) =>
                    endpoints
                      .setMapMember(mapId, member.userId, e.target.value as Role)
                      .then(() => showToast('success', 'Role updated'), toastError)
                  }
                >
                  {(['viewer', 'commenter', 'editor', 'owner'] as const).map((value) => (
                    <option key={value}>{value}</option>
                  ))}
                </select>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <form className="inline-form" onSubmit={invite} style={{ marginTop: 8 }}>
        <input
          type="email"
          aria-label="Email of a person to add"
          placeholder="name@example.com"
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          required
          data-testid="share-invite-email"
        />
        <select
          aria-label="Role"
          value={memberRole}
          onChange={(e) => setMemberRole(e.target.value as Role)}
          data-testid="share-invite-role"
        >
          {(['viewer', 'commenter', 'editor'] as const).map((value) => (
            <option key={value}>{value}</option>
          ))}
        </select>
        <button type="submit" data-testid="share-invite">
          Add
        </button>
      </form>
      <h3 style={{ marginTop: 16 }}>Links</h3>
      <form className="inline-form" onSubmit={createLink}>
        <select
          aria-label="Link role"
          value={role}
          onChange={(e) => setRole(e.target.value as typeof role)}
          data-testid="share-link-role"
        >
          <option value="viewer">Can view</option>
          <option value="commenter">Can comment</option>
        </select>
        <label>
          Expires{' '}
          <input
            type="date"
            value={expiry}
            onChange={(e) => setExpiry(e.target.value)}
            data-testid="share-link-expiry"
          />
        </label>
        <button type="submit" className="primary" data-testid="share-create-link">
          Create link
        </button>
      </form>
      {created && (
        <p>
          <label>
            New link (copy it now, it is shown once):{' '}
            <input
              readOnly
              value={created}
              onFocus={(e) => e.target.select()}
              size={60}
              data-testid="share-link-url"
            />
          </label>
        </p>
      )}
      <ul data-testid="share-links">
        {links.map((link) => (
          <li key={link.id}>
            {link.role} · created {formatWhen(link.createdAt)} ·{' '}
            {link.expiresAt ? `expires ${link.expiresAt.slice(0, 10)}` : 'never expires'} ·{' '}
            {link.active ? (
              <button
                type="button"
                onClick={() => endpoints.revokeShareLink(mapId, link.id).then(load, toastError)}
                data-testid="share-revoke"
              >
                Revoke
              </button>
            ) : (
              <span className="muted">inactive</span>
            )}
          </li>
        ))}
      </ul>
      <button type="button" onClick={() => dialog.current?.close()} data-testid="share-close">
        Done
      </button>
    </dialog>
  );
}

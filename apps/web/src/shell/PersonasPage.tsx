import { useEffect, useState, type FormEvent } from 'react';
import { endpoints } from '../api/endpoints';
import type { LibraryPersona } from '../api/types';
import { toastError, showToast } from '../ui/toasts';

/** The workspace's persona library: reuse the same people across maps. */
export function PersonasPage({ workspaceId }: { workspaceId: string }) {
  const [personas, setPersonas] = useState<LibraryPersona[] | undefined>();
  const [name, setName] = useState('');
  const [role, setRole] = useState('');
  const [goals, setGoals] = useState('');
  const load = () => endpoints.personas(workspaceId).then(setPersonas, toastError);
  useEffect(() => {
    void load();
  }, [workspaceId]);
  const create = async (event: FormEvent) => {
    event.preventDefault();
    try {
      await endpoints.createPersona(workspaceId, {
        name: name.trim(),
        ...(role.trim() ? { role: role.trim() } : {}),
        goals: goals
          .split('\n')
          .map((line) => line.trim())
          .filter(Boolean),
      });
      setName('');
      setRole('');
      setGoals('');
      showToast('success', 'Persona added to the library');
      await load();
    } catch (error) {
      toastError(error);
    }
  };
  return (
    <main id="main" className="page">
      <h1>Persona library</h1>
      {personas === undefined ? (
        <p className="loading">Loading…</p>
      ) : (
        <ul className="map-grid" data-testid="persona-list">
          {personas.map(({ id, persona }) => (
            <li key={id} className="map-tile">
              <div className="map-tile-body">
                <h2>
                  {persona.avatar ?? '👤'} {persona.name}
                </h2>
                {persona.role && <p className="muted">{persona.role}</p>}
                {Array.isArray(persona.goals) && persona.goals.length > 0 && (
                  <p>Goals: {(persona.goals as string[]).join(', ')}</p>
                )}
              </div>
            </li>
          ))}
          {personas.length === 0 && <li className="muted">No personas yet.</li>}
        </ul>
      )}
      <form className="auth-card" style={{ margin: 0 }} onSubmit={create}>
        <h2>Add a persona</h2>
        <label>
          Name
          <input value={name} onChange={(e) => setName(e.target.value)} required maxLength={200} />
        </label>
        <label>
          Role
          <input value={role} onChange={(e) => setRole(e.target.value)} maxLength={200} />
        </label>
        <label>
          Goals (one per line)
          <textarea rows={3} value={goals} onChange={(e) => setGoals(e.target.value)} />
        </label>
        <button type="submit" className="primary">
          Add persona
        </button>
      </form>
    </main>
  );
}

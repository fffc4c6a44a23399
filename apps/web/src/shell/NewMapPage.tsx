import { useMemo, useState, type FormEvent } from 'react';
import { TEMPLATES, templateExample } from '@trailmap/core';
import { endpoints } from '../api/endpoints';
import { mapPath, navigate } from '../app/router';
import { toastError } from '../ui/toasts';
import { MAP_TYPE_LABELS } from './mapTypes';
import { MapThumbnail } from './MapThumbnail';

/** Pick a template (with a rendered preview), name the map, and open it. */
export function NewMapPage({ workspaceId }: { workspaceId: string }) {
  const [templateId, setTemplateId] = useState(TEMPLATES[0]?.id ?? '');
  const [title, setTitle] = useState('');
  const [isBusy, setBusy] = useState(false);
  const template = TEMPLATES.find((candidate) => candidate.id === templateId);
  const preview = useMemo(() => (templateId ? templateExample(templateId) : undefined), [templateId]);
  const create = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    try {
      const write = await endpoints.createMap(workspaceId, {
        template: templateId,
        ...(title.trim() ? { title: title.trim() } : {}),
      });
      navigate(mapPath(write.mapId));
    } catch (error) {
      toastError(error);
      setBusy(false);
    }
  };
  return (
    <main id="main" className="page">
      <h1>New journey map</h1>
      <form onSubmit={create} className="template-grid">
        <fieldset>
          <legend>Template</legend>
          <ul className="template-list" data-testid="template-list">
            {TEMPLATES.map((candidate) => (
              <li key={candidate.id}>
                <button
                  type="button"
                  aria-pressed={candidate.id === templateId}
                  onClick={() => setTemplateId(candidate.id)}
                  data-testid={`template-${candidate.id}`}
                >
                  <strong>{candidate.name}</strong>
                  <br />
                  <span className="muted">
                    {MAP_TYPE_LABELS[candidate.mapType]} · {candidate.stageCount} stages ·{' '}
                    {candidate.cardCount} cards
                  </span>
                </button>
              </li>
            ))}
          </ul>
        </fieldset>
        <div>
          {template && (
            <>
              <h2>{template.name}</h2>
              <p>{template.description}</p>
              <p className="muted">Stages: {template.stageNames.join(' → ')}</p>
            </>
          )}
          <div className="template-preview" data-testid="template-preview">
            <MapThumbnail doc={preview} title={template?.name ?? 'template'} />
          </div>
          <div className="inline-form" style={{ marginTop: 12 }}>
            <label className="visually-hidden" htmlFor="new-map-title">
              Title
            </label>
            <input
              id="new-map-title"
              value={title}
              onChange={(e) => setTitle(e.target.value)}
              placeholder={template?.name ?? 'Title'}
              maxLength={200}
              data-testid="new-map-title"
            />
            <button
              type="submit"
              className="primary"
              disabled={isBusy || !templateId}
              data-testid="create-map"
            >
              Create map
            </button>
          </div>
        </div>
      </form>
    </main>
  );
}

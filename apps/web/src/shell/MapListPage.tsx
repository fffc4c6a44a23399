import { useEffect, useMemo, useState } from 'react';
import { MAP_TYPES, type Journey } from '@trailmap/schema';
import { endpoints } from '../api/endpoints';
import type { MapSummary } from '../api/types';
import { mapPath } from '../app/router';
import { Link } from '../ui/Link';
import { toastError } from '../ui/toasts';
import { formatWhen } from '../canvas/format';
import { MAP_TYPE_LABELS } from './mapTypes';
import { MapThumbnail } from './MapThumbnail';

/** Maps of the workspace: search, filters (type, tag, persona), last edited, thumbnails. */
export function MapListPage({ workspaceId }: { workspaceId: string }) {
  const [maps, setMaps] = useState<MapSummary[] | undefined>();
  const [docs, setDocs] = useState<Record<string, Journey>>({});
  const [q, setQ] = useState('');
  const [type, setType] = useState('');
  const [tag, setTag] = useState('');
  const [persona, setPersona] = useState('');

  useEffect(() => {
    const timer = setTimeout(() => {
      endpoints.maps(workspaceId, { q, type, tag }).then((result) => setMaps(result.maps), toastError);
    }, 200);
    return () => clearTimeout(timer);
  }, [workspaceId, q, type, tag]);

  useEffect(() => {
    let isActive = true;
    (async () => {
      for (const summary of maps ?? []) {
        if (!isActive || docs[summary.id]) continue;
        try {
          const { doc } = await endpoints.map(summary.id);
          if (isActive) setDocs((current) => ({ ...current, [summary.id]: doc }));
        } catch (error) {
          console.info('could not load a thumbnail', error);
        }
      }
    })();
    return () => {
      isActive = false;
    };
    // Docs are cached by id; refetching on every doc change would loop.
  }, [maps]);

  const personaName = (id: string) => {
    const doc = docs[id];
    return doc?.personas.find((p) => p.id === doc.map.personaId)?.name;
  };
  const personas = useMemo(
    () => [...new Set(Object.keys(docs).map(personaName).filter(Boolean))] as string[],
    [docs],
  );
  const tags = useMemo(() => [...new Set((maps ?? []).flatMap((map) => map.tags))].sort(), [maps]);
  const visible = (maps ?? []).filter((map) => !persona || personaName(map.id) === persona);

  return (
    <main id="main" className="page">
      <div className="map-title-row">
        <h1>Journey maps</h1>
        <Link href="/new" className="button-link" data-testid="new-map">
          <button type="button" className="primary" tabIndex={-1}>
            + New map
          </button>
        </Link>
      </div>
      <div className="filters" role="search">
        <label>
          Search
          <input
            type="search"
            value={q}
            onChange={(e) => setQ(e.target.value)}
            placeholder="Title…"
            data-testid="map-search"
          />
        </label>
        <label>
          Type
          <select value={type} onChange={(e) => setType(e.target.value)}>
            <option value="">All types</option>
            {MAP_TYPES.map((value) => (
              <option key={value} value={value}>
                {MAP_TYPE_LABELS[value]}
              </option>
            ))}
          </select>
        </label>
        <label>
          Tag
          <select value={tag} onChange={(e) => setTag(e.target.value)}>
            <option value="">All tags</option>
            {tags.map((value) => (
              <option key={value}>{value}</option>
            ))}
          </select>
        </label>
        <label>
          Persona
          <select value={persona} onChange={(e) => setPersona(e.target.value)}>
            <option value="">All personas</option>
            {personas.map((value) => (
              <option key={value}>{value}</option>
            ))}
          </select>
        </label>
      </div>
      {maps === undefined ? (
        <p className="loading">Loading maps…</p>
      ) : visible.length === 0 ? (
        <p data-testid="map-list-empty">No maps yet. Start one from a template.</p>
      ) : (
        <ul className="map-grid" data-testid="map-list">
          {visible.map((map) => (
            <li key={map.id} className="map-tile" data-testid="map-tile">
              <Link href={mapPath(map.id)}>
                <MapThumbnail doc={docs[map.id]} title={map.title} />
                <div className="map-tile-body">
                  <h2>{map.title}</h2>
                  <p className="muted">
                    {MAP_TYPE_LABELS[map.type as keyof typeof MAP_TYPE_LABELS] ?? map.type} · edited{' '}
                    {formatWhen(map.updatedAt)}
                    {personaName(map.id) && ` · ${personaName(map.id)}`}
                  </p>
                </div>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </main>
  );
}

import { useEffect, useMemo, useState } from 'react';
import type { Journey } from '@trailmap/schema';
import { endpoints } from '../api/endpoints';
import type { VersionEntry } from '../api/types';
import { mapPath, navigate } from '../app/router';
import { Link } from '../ui/Link';
import { showToast, toastError } from '../ui/toasts';
import { formatWhen } from '../canvas/format';
import { diffByContent, diffDocs } from './diffDocs';
import { ReadOnlyMap } from './ReadOnlyMap';
import { EmotionOverlay } from './EmotionOverlay';
import { CompareWithMap } from './CompareWithMap';

type Loaded = { label: string; doc: Journey };

/** Versions of a map: name, view read-only, compare two (or with the linked future/current map), restore. */
export function HistoryPage({ mapId }: { mapId: string }) {
  const [versions, setVersions] = useState<VersionEntry[] | undefined>();
  const [current, setCurrent] = useState<Journey | undefined>();
  const [left, setLeft] = useState<Loaded | undefined>();
  const [right, setRight] = useState<Loaded | undefined>();
  const [name, setName] = useState('');
  const load = () => {
    endpoints.versions(mapId).then(setVersions, toastError);
    endpoints.map(mapId).then(({ doc }) => {
      setCurrent(doc);
      setRight((existing) => existing ?? { label: 'Current', doc });
    }, toastError);
  };
  useEffect(load, [mapId]);
  const view = async (version: number, name: string | null) => {
    try {
      setLeft({ label: name ?? `Version ${version}`, doc: await endpoints.versionDoc(mapId, version) });
    } catch (error) {
      toastError(error);
    }
  };
  /** Another map beside this one; a future state always goes on the right of its current state. */
  const compareWith = async (otherId: string, otherTitle: string) => {
    if (!current) return;
    try {
      const other = (await endpoints.map(otherId)).doc;
      const isFutureHere = current.map.type === 'future-state' || other.map.type === 'current-state';
      const [before, after] = isFutureHere ? [other, current] : [current, other];
      setLeft({ label: before === current ? current.map.title : otherTitle, doc: before });
      setRight({ label: after === current ? current.map.title : otherTitle, doc: after });
    } catch (error) {
      toastError(error);
    }
  };
  const compareLinked = () => {
    const linked = current?.map.compare;
    if (linked) void compareWith(linked.mapId, linked.title ?? 'Linked map');
  };
  const restore = async (version: number) => {
    if (!window.confirm(`Restore version ${version}? The current state stays in history.`)) return;
    try {
      await endpoints.restoreVersion(mapId, version);
      showToast('success', `Restored version ${version}`);
      navigate(mapPath(mapId));
    } catch (error) {
      toastError(error);
    }
  };
  const nameCurrent = async () => {
    if (!name.trim()) return;
    try {
      await endpoints.nameVersion(mapId, name.trim());
      setName('');
      load();
    } catch (error) {
      toastError(error);
    }
  };
  const diff = useMemo(() => {
    if (!left || !right) return undefined;
    // Versions of one map share ids; two different maps are matched by content.
    return left.doc.map.id === right.doc.map.id
      ? diffDocs(left.doc, right.doc)
      : diffByContent(left.doc, right.doc);
  }, [left, right]);
  return (
    <div className="history-layout" data-testid="history-page">
      <nav className="version-list" aria-label="Versions">
        <Link href={mapPath(mapId)}>← Back to the map</Link>
        <form
          className="inline-form"
          onSubmit={(e) => (e.preventDefault(), void nameCurrent())}
          style={{ margin: '12px 0' }}
        >
          <input
            aria-label="Name the current version"
            placeholder="Name this version"
            value={name}
            onChange={(e) => setName(e.target.value)}
            data-testid="version-name"
          />
          <button type="submit">Save</button>
        </form>
        <CompareWithMap mapId={mapId} onPick={(summary) => void compareWith(summary.id, summary.title)} />
        {current?.map.compare && (
          <button type="button" onClick={compareLinked} data-testid="compare-linked">
            Compare with {current.map.compare.relation}
          </button>
        )}
        <ol className="plain-list" data-testid="version-list">
          {(versions ?? []).map((entry) => (
            <li key={entry.version} data-testid="version-item">
              <strong>{entry.name ?? `Version ${entry.version}`}</strong>
              <div className="muted">
                {formatWhen(entry.at)} · {entry.author?.name ?? entry.author?.email ?? entry.via}
                {entry.commands.length > 0 && ` · ${entry.commands.slice(0, 2).join(', ')}`}
              </div>
              <div className="inline-form">
                <button
                  type="button"
                  onClick={() => void view(entry.version, entry.name)}
                  data-testid="version-view"
                >
                  View
                </button>
                <button
                  type="button"
                  onClick={() => void restore(entry.version)}
                  data-testid="version-restore"
                >
                  Restore
                </button>
              </div>
            </li>
          ))}
        </ol>
      </nav>
      <main id="main" className="compare">
        {diff && left && right && (
          <p data-testid="diff-summary">
            {left.label} → {right.label}: <span className="badge">{diff.counts.added} added</span>{' '}
            <span className="badge">{diff.counts.removed} removed</span>{' '}
            <span className="badge">{diff.counts.changed} changed</span>
          </p>
        )}
        {left && right && (
          <EmotionOverlay before={left.doc} after={right.doc} labels={[left.label, right.label]} />
        )}
        <div className={left ? 'compare-panes' : undefined}>
          {left && (
            <ReadOnlyMap
              doc={left.doc}
              label={left.label}
              {...(diff ? { highlights: onlyKinds(diff.changes, ['removed', 'changed']) } : {})}
            />
          )}
          {right && (
            <ReadOnlyMap
              doc={right.doc}
              label={right.label}
              {...(diff ? { highlights: onlyKinds(diff.changes, ['added', 'changed']) } : {})}
            />
          )}
        </div>
      </main>
    </div>
  );
}

const onlyKinds = (changes: Map<string, string>, kinds: string[]) =>
  new Map([...changes].filter(([, kind]) => kinds.includes(kind))) as Map<
    string,
    'added' | 'removed' | 'changed'
  >;

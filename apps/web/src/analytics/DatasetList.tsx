import { toastError } from '../ui/toasts';
import { datasetsApi } from './datasetsApi';
import { formatCount } from './format';
import type { DatasetInfo } from './types';

/** The workspace's datasets: pick the one to measure against, delete (editors). */
export function DatasetList({
  workspaceId,
  datasets,
  selected,
  boundTo,
  canEdit,
  onSelect,
  onChanged,
}: {
  workspaceId: string;
  datasets: DatasetInfo[];
  selected: string | undefined;
  boundTo: string | undefined;
  canEdit: boolean;
  onSelect: (name: string) => void;
  onChanged: () => void;
}) {
  if (datasets.length === 0) return <p className="muted">No datasets in this workspace yet.</p>;
  const remove = async (name: string) => {
    if (!window.confirm(`Delete the dataset ${name}? Bindings that name it stay on the map.`)) return;
    try {
      await datasetsApi.remove(workspaceId, name);
      onChanged();
    } catch (error) {
      toastError(error);
    }
  };
  return (
    <ul className="dataset-list" aria-label="Datasets" data-testid="dataset-list">
      {datasets.map((dataset) => (
        <li key={dataset.name} data-testid="dataset-item" data-name={dataset.name}>
          <label>
            <input
              type="radio"
              name="analytics-dataset"
              checked={selected === dataset.name}
              onChange={() => onSelect(dataset.name)}
              data-testid="dataset-choose"
            />
            <span className="dataset-name">{dataset.name}</span>
            {boundTo === dataset.name && <span className="badge">bound</span>}
          </label>
          <span className="muted" data-testid="dataset-counts">
            {formatCount(dataset.events)} events · {formatCount(dataset.cases)} cases
          </span>
          <time className="muted" dateTime={dataset.createdAt} title="Uploaded">
            {new Date(dataset.createdAt).toLocaleString()}
          </time>
          {canEdit && (
            <button
              type="button"
              className="icon-button"
              aria-label={`Delete dataset ${dataset.name}`}
              data-testid="dataset-delete"
              onClick={() => void remove(dataset.name)}
            >
              ×
            </button>
          )}
        </li>
      ))}
    </ul>
  );
}

import { useId, useRef, useState, type FormEvent } from 'react';
import { showToast, toastError } from '../ui/toasts';
import { datasetNameOf, uploadDataset } from './datasetsApi';
import type { UploadResult } from './types';

/** Pick a log file, name the dataset, upload it with a progress bar; errors become toasts. */
export function DatasetUpload({
  workspaceId,
  onUploaded,
}: {
  workspaceId: string;
  onUploaded: (result: UploadResult) => void;
}) {
  const fileInput = useRef<HTMLInputElement>(null);
  const [name, setName] = useState('');
  const [progress, setProgress] = useState<number | null>(null);
  const id = useId();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const file = fileInput.current?.files?.[0];
    if (!file) return showToast('error', 'Choose an event log file first.');
    const datasetName = name.trim() || datasetNameOf(file.name);
    setProgress(0);
    try {
      const result = await uploadDataset(workspaceId, datasetName, file, setProgress);
      const skipped = result.skipped > 0 ? `, ${result.skipped} bad rows skipped` : '';
      showToast(
        'success',
        `Dataset ${result.name}: ${result.events} events, ${result.cases} cases${skipped}.`,
      );
      onUploaded(result);
      if (fileInput.current) fileInput.current.value = '';
      setName('');
    } catch (error) {
      toastError(error);
    } finally {
      setProgress(null);
    }
  };

  return (
    <form className="analytics-upload" onSubmit={submit} data-testid="dataset-upload">
      <label htmlFor={`${id}-file`}>Event log (CSV, JSONL, XES, Parquet; may be gzipped)</label>
      <input
        id={`${id}-file`}
        ref={fileInput}
        type="file"
        accept=".csv,.jsonl,.ndjson,.xes,.parquet,.gz"
        data-testid="dataset-file"
        onChange={(event) => {
          const file = event.target.files?.[0];
          if (file && !name) setName(datasetNameOf(file.name));
        }}
      />
      <label htmlFor={`${id}-name`}>Dataset name</label>
      <input
        id={`${id}-name`}
        value={name}
        onChange={(event) => setName(event.target.value)}
        placeholder="web-events"
        pattern="[A-Za-z0-9][A-Za-z0-9_\-]{0,62}"
        title="Letters, digits, _ or -, up to 63"
        data-testid="dataset-name"
      />
      <button type="submit" disabled={progress !== null} data-testid="dataset-upload-submit">
        Upload
      </button>
      {progress !== null && (
        <progress
          max={1}
          value={progress}
          aria-label="Upload progress"
          data-testid="dataset-upload-progress"
        />
      )}
    </form>
  );
}

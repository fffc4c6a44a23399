import { useState, type FormEvent } from 'react';
import { CONFIDENCE_LEVELS, EVIDENCE_SOURCES, type Evidence } from '@trailmap/schema';
import { SOURCE_LABELS } from '../canvas/evidenceSummary';

type Source = Evidence['source'];
type Confidence = Evidence['confidence'];
const RESEARCH_SOURCES = EVIDENCE_SOURCES.filter((source) => source !== 'assumption');

export interface EvidenceValues {
  source: Source;
  confidence: Confidence;
  title: string;
  date: string;
  quote: string;
  url: string;
}

interface Props {
  initial?: Evidence;
  submitLabel: string;
  onSubmit(values: EvidenceValues): void;
  onCancel(): void;
}

/**
 * Source, confidence, title, date, quote and link of one evidence record. "Based on assumption" is a choice
 * of its own (the `assumption` source) so a team can say plainly that nobody has checked yet.
 */
export function EvidenceRecordForm({ initial, submitLabel, onSubmit, onCancel }: Props) {
  const [isAssumption, setAssumption] = useState(initial?.source === 'assumption');
  const [source, setSource] = useState<Source>(
    initial && initial.source !== 'assumption' ? initial.source : 'interview',
  );
  const [confidence, setConfidence] = useState<Confidence>(initial?.confidence ?? 'medium');
  const [title, setTitle] = useState(initial?.title ?? '');
  const [date, setDate] = useState(initial?.date ?? '');
  const [quote, setQuote] = useState(initial?.quote ?? '');
  const [url, setUrl] = useState(initial?.url ?? '');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit({ source: isAssumption ? 'assumption' : source, confidence, title, date, quote, url });
  };
  return (
    <form className="stack-form evidence-form" onSubmit={submit} data-testid="evidence-form">
      <label className="checkbox">
        <input
          type="checkbox"
          checked={isAssumption}
          onChange={(event) => setAssumption(event.target.checked)}
          data-testid="evidence-assumption"
        />
        Based on assumption (not researched yet)
      </label>
      <label>
        Source
        <select
          value={source}
          disabled={isAssumption}
          onChange={(event) => setSource(event.target.value as Source)}
          data-testid="evidence-source"
        >
          {RESEARCH_SOURCES.map((value) => (
            <option key={value} value={value}>
              {SOURCE_LABELS[value]}
            </option>
          ))}
        </select>
      </label>
      <label>
        Confidence
        <select
          value={confidence}
          onChange={(event) => setConfidence(event.target.value as Confidence)}
          data-testid="evidence-confidence"
        >
          {CONFIDENCE_LEVELS.map((value) => (
            <option key={value}>{value}</option>
          ))}
        </select>
      </label>
      <label>
        Title
        <input
          value={title}
          onChange={(event) => setTitle(event.target.value)}
          maxLength={200}
          data-testid="evidence-title"
        />
      </label>
      <label>
        Date
        <input
          type="date"
          value={date}
          onChange={(event) => setDate(event.target.value)}
          data-testid="evidence-date"
        />
      </label>
      <label>
        Quote
        <textarea
          value={quote}
          onChange={(event) => setQuote(event.target.value)}
          maxLength={5000}
          rows={3}
          placeholder="What a customer said, word for word"
          data-testid="evidence-quote"
        />
      </label>
      <label>
        Link
        <input
          type="url"
          value={url}
          onChange={(event) => setUrl(event.target.value)}
          maxLength={2000}
          placeholder="https://… (recording, report, dashboard)"
          data-testid="evidence-url"
        />
      </label>
      <span className="inline-form">
        <button type="submit" className="primary" data-testid="evidence-submit">
          {submitLabel}
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </span>
    </form>
  );
}

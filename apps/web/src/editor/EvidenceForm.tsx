import { useState } from 'react';
import { CONFIDENCE_LEVELS, EVIDENCE_SOURCES, type Card } from '@trailmap/schema';
import { useEditor } from './EditorContext';

/** Lists a card's evidence and records new evidence (source, date, confidence) for it. */
export function EvidenceForm({ card }: { card: Card }) {
  const editor = useEditor();
  const [isOpen, setOpen] = useState(false);
  const [source, setSource] = useState<(typeof EVIDENCE_SOURCES)[number]>('interview');
  const [confidence, setConfidence] = useState<(typeof CONFIDENCE_LEVELS)[number]>('medium');
  const [title, setTitle] = useState('');
  const [date, setDate] = useState('');
  const evidence = editor.doc.evidence.filter(
    (record) => card.evidenceIds.includes(record.id) && !record.deletedAt,
  );
  const submit = () => {
    const ok = editor.run(
      'evidence.add',
      {
        source,
        confidence,
        linkTo: card.id,
        ...(title.trim() ? { title: title.trim() } : {}),
        ...(date ? { date } : {}),
      },
      'ui',
    );
    if (ok) {
      setOpen(false);
      setTitle('');
    }
  };
  return (
    <div className="field">
      <span>Evidence</span>
      {evidence.length === 0 ? (
        <p className="muted">No evidence: this card is an assumption until backed by research.</p>
      ) : (
        <ul className="evidence-list">
          {evidence.map((record) => (
            <li key={record.id} className={record.source === 'assumption' ? 'is-assumption' : undefined}>
              <strong>{record.source}</strong> {record.title} {record.date && `· ${record.date}`} ·{' '}
              {record.confidence} confidence
            </li>
          ))}
        </ul>
      )}
      {editor.status.canEdit &&
        (isOpen ? (
          <form className="stack-form" onSubmit={(e) => (e.preventDefault(), submit())}>
            <label>
              Source
              <select value={source} onChange={(e) => setSource(e.target.value as typeof source)}>
                {EVIDENCE_SOURCES.map((value) => (
                  <option key={value}>{value}</option>
                ))}
              </select>
            </label>
            <label>
              Confidence
              <select value={confidence} onChange={(e) => setConfidence(e.target.value as typeof confidence)}>
                {CONFIDENCE_LEVELS.map((value) => (
                  <option key={value}>{value}</option>
                ))}
              </select>
            </label>
            <label>
              Title
              <input value={title} onChange={(e) => setTitle(e.target.value)} maxLength={200} />
            </label>
            <label>
              Date
              <input type="date" value={date} onChange={(e) => setDate(e.target.value)} />
            </label>
            <button type="submit" className="primary">
              Add evidence
            </button>
          </form>
        ) : (
          <button type="button" onClick={() => setOpen(true)} data-testid="card-add-evidence">
            + Evidence
          </button>
        ))}
    </div>
  );
}

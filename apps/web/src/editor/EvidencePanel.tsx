import { useState } from 'react';
import type { Evidence } from '@trailmap/schema';
import { useEditor } from './EditorContext';
import { EvidenceRecordForm, type EvidenceValues } from './EvidenceRecordForm';
import { EvidenceBadge } from '../canvas/EvidenceBadge';
import { SOURCE_LABELS, summarizeEvidence } from '../canvas/evidenceSummary';
import { evidenceIndex } from '../canvas/renderMetrics';

interface Props {
  /** The card, emotion point or opportunity that cites the evidence. */
  targetId: string;
  evidenceIds: readonly string[];
  /** "card", "emotion point", "opportunity": used in sentences. */
  subject: string;
}

/**
 * Only web links become clickable: a stored `javascript:` or `data:` URL stays plain text, so
 * evidence pasted by anyone cannot run script in a colleague's browser.
 */
function safeLink(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}

/** A record's quote, and its link when it is a web link. */
function EvidenceSource({ record }: { record: Evidence }) {
  const link = safeLink(record.url);
  return (
    <>
      {record.quote && (
        <q className="evidence-quote" data-testid="evidence-quote-text">
          {record.quote}
        </q>
      )}
      {link && (
        <a
          className="evidence-link"
          href={link}
          target="_blank"
          rel="noopener noreferrer"
          data-testid="evidence-link"
        >
          Open source ↗
        </a>
      )}
    </>
  );
}

/**
 * The evidence a record cites: add new evidence, cite evidence already in the map, edit a record
 * (source, date, confidence, quote, link, based on assumption) or stop citing it. Every change is a core
 * `evidence.*` command, so it is one undo step and reaches collaborators like any edit.
 */
export function EvidencePanel({ targetId, evidenceIds, subject }: Props) {
  const editor = useEditor();
  const canEdit = editor.status.canEdit;
  const [editing, setEditing] = useState<string | 'new' | undefined>();
  const index = evidenceIndex(editor.doc.evidence);
  const cited = evidenceIds.flatMap((id) => index.get(id) ?? []);
  const citable = [...index.values()].filter((record) => !evidenceIds.includes(record.id));

  const run = (command: string, input: unknown) => {
    const ok = editor.run(command, input, 'ui');
    editor.session.stopCapturing();
    return ok;
  };
  const add = (values: EvidenceValues) => {
    const fields = {
      source: values.source,
      confidence: values.confidence,
      ...(values.title.trim() ? { title: values.title.trim() } : {}),
      ...(values.date ? { date: values.date } : {}),
      ...(values.quote.trim() ? { quote: values.quote.trim() } : {}),
      ...(values.url.trim() ? { url: values.url.trim() } : {}),
    };
    if (run('evidence.add', { ...fields, linkTo: targetId })) setEditing(undefined);
  };
  const update = (record: Evidence, values: EvidenceValues) => {
    const ok = run('evidence.update', {
      id: record.id,
      source: values.source,
      confidence: values.confidence,
      title: values.title.trim() || null,
      date: values.date || null,
      quote: values.quote.trim() || null,
      url: values.url.trim() || null,
    });
    if (ok) setEditing(undefined);
  };

  return (
    <div className="field evidence-panel" data-testid="evidence-panel">
      <span className="evidence-heading">
        Evidence <EvidenceBadge summary={summarizeEvidence(evidenceIds, index)} testIdPrefix="panel" />
      </span>
      {cited.length === 0 && (
        <p className="muted">No evidence: this {subject} is an assumption until backed by research.</p>
      )}
      <ul className="evidence-list">
        {cited.map((record) =>
          editing === record.id ? (
            <li key={record.id}>
              <EvidenceRecordForm
                initial={record}
                submitLabel="Save evidence"
                onSubmit={(values) => update(record, values)}
                onCancel={() => setEditing(undefined)}
              />
            </li>
          ) : (
            <li
              key={record.id}
              className={record.source === 'assumption' ? 'is-assumption' : undefined}
              data-testid="evidence-item"
            >
              <span>
                <strong>
                  {record.source === 'assumption' ? 'Based on assumption' : SOURCE_LABELS[record.source]}
                </strong>{' '}
                {record.title} {record.date && `· ${record.date}`} · {record.confidence} confidence
                <EvidenceSource record={record} />
              </span>
              {canEdit && (
                <span className="evidence-actions">
                  <button
                    type="button"
                    className="icon-button"
                    aria-label={`Edit evidence ${record.title ?? record.source}`}
                    data-testid="evidence-edit"
                    onClick={() => setEditing(record.id)}
                  >
                    ✎
                  </button>
                  <button
                    type="button"
                    className="icon-button"
                    aria-label={`Stop citing ${record.title ?? record.source} on this ${subject}`}
                    data-testid="evidence-unlink"
                    onClick={() => run('evidence.unlink', { evidenceId: record.id, targetId })}
                  >
                    ×
                  </button>
                </span>
              )}
            </li>
          ),
        )}
      </ul>
      {canEdit &&
        (editing === 'new' ? (
          <EvidenceRecordForm
            submitLabel="Add evidence"
            onSubmit={add}
            onCancel={() => setEditing(undefined)}
          />
        ) : (
          <span className="inline-form">
            <button type="button" onClick={() => setEditing('new')} data-testid="evidence-add">
              + Evidence
            </button>
            {citable.length > 0 && (
              <select
                aria-label={`Cite evidence already in this map on this ${subject}`}
                value=""
                onChange={(event) =>
                  event.target.value && run('evidence.link', { evidenceId: event.target.value, targetId })
                }
                data-testid="evidence-cite"
              >
                <option value="">Cite existing…</option>
                {citable.map((record) => (
                  <option key={record.id} value={record.id}>
                    {SOURCE_LABELS[record.source]}
                    {record.title ? `: ${record.title}` : ''}
                    {record.date ? ` (${record.date})` : ''}
                  </option>
                ))}
              </select>
            )}
          </span>
        ))}
    </div>
  );
}

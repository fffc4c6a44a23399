import { useState } from 'react';
import { useEditor } from './EditorContext';
import { EvidencePanel } from './EvidencePanel';
import { emojiFor } from '../canvas/emotionGeometry';

const SCORES = [-2, -1, 0, 1, 2] as const;

/**
 * One point of the emotion curve: its score, emoji, note and the evidence behind it. A point that
 * is not set yet gets a score first (evidence hangs on the point's record).
 */
export function EmotionInspector({ stageId, stepId }: { stageId: string; stepId?: string }) {
  const editor = useEditor();
  const canEdit = editor.status.canEdit;
  const point = editor.doc.emotions.find(
    (emotion) => emotion.stageId === stageId && emotion.stepId === stepId,
  );
  const stage = editor.doc.stages.find((candidate) => candidate.id === stageId);
  const step = stepId ? editor.doc.steps.find((candidate) => candidate.id === stepId) : undefined;
  const [note, setNote] = useState(point?.note ?? '');
  const [emoji, setEmoji] = useState(point?.emoji ?? '');
  if (!stage) return null;
  const where = step ? `${stage.name} › ${step.name}` : stage.name;
  const set = (changes: Record<string, unknown>) => {
    editor.run(
      'emotion.set',
      { stageId, ...(stepId ? { stepId } : {}), score: point?.score ?? 0, ...changes },
      'ui',
    );
    editor.session.stopCapturing();
  };
  return (
    <section className="panel" aria-labelledby="emotion-title" data-testid="emotion-inspector">
      <h2 id="emotion-title">Feeling in {where}</h2>
      <fieldset disabled={!canEdit}>
        <legend>Score {point ? `(${point.score > 0 ? '+' : ''}${point.score})` : '(not set)'}</legend>
        <div className="swatches">
          {SCORES.map((score) => (
            <button
              key={score}
              type="button"
              aria-pressed={point?.score === score}
              aria-label={`Score ${score > 0 ? '+' : ''}${score}`}
              data-testid={`emotion-score-${score}`}
              onClick={() => set({ score })}
            >
              {emojiFor(score)}
            </button>
          ))}
        </div>
      </fieldset>
      {point ? (
        <>
          <form
            className="stack-form"
            onSubmit={(event) => {
              event.preventDefault();
              set({ note: note.trim() || null, emoji: emoji.trim() || null });
            }}
          >
            <fieldset disabled={!canEdit} className="stack-form">
              <label>
                Emoji
                <input
                  value={emoji}
                  onChange={(event) => setEmoji(event.target.value)}
                  maxLength={16}
                  placeholder={emojiFor(point.score)}
                  data-testid="emotion-emoji"
                />
              </label>
              <label>
                Note
                <textarea
                  value={note}
                  onChange={(event) => setNote(event.target.value)}
                  maxLength={1000}
                  rows={3}
                  data-testid="emotion-note"
                />
              </label>
              <button type="submit" data-testid="emotion-save">
                Save
              </button>
            </fieldset>
          </form>
          <EvidencePanel targetId={point.id} evidenceIds={point.evidenceIds} subject="emotion point" />
        </>
      ) : (
        <p className="muted">Choose a score to place this point; then you can cite evidence for it.</p>
      )}
    </section>
  );
}

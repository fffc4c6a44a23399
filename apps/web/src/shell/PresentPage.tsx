import { useEffect, useRef, useState } from 'react';
import type { Journey } from '@trailmap/schema';
import { sortByIndex } from '@trailmap/core';
import { endpoints } from '../api/endpoints';
import { mapPath, navigate } from '../app/router';
import { describeError } from '../lib/errorMessages';
import { emojiFor } from '../canvas/emotionGeometry';

/** Full-screen walk through the journey, one stage at a time (←/→ to move, Esc to leave). */
export function PresentPage({ mapId, initial }: { mapId: string; initial?: Journey }) {
  const [doc, setDoc] = useState<Journey | undefined>(initial);
  const [error, setError] = useState<string | undefined>();
  const [at, setAt] = useState(0);
  const root = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!initial)
      endpoints.map(mapId).then(
        (loaded) => setDoc(loaded.doc),
        (caught: unknown) => setError(describeError(caught).message),
      );
  }, [mapId, initial]);
  useEffect(() => root.current?.focus(), [doc]);
  if (error) return <p className="page">{error}</p>;
  if (!doc) return <p className="loading">Loading…</p>;
  const stages = sortByIndex(doc.stages);
  const stage = stages[Math.min(at, stages.length - 1)];
  const leave = () => {
    if (document.fullscreenElement) void document.exitFullscreen();
    navigate(mapPath(mapId));
  };
  const onKey = (event: React.KeyboardEvent) => {
    if (event.key === 'ArrowRight' || event.key === ' ') setAt((i) => Math.min(stages.length - 1, i + 1));
    else if (event.key === 'ArrowLeft') setAt((i) => Math.max(0, i - 1));
    else if (event.key === 'Escape') leave();
    else return;
    event.preventDefault();
  };
  const emotion = stage && doc.emotions.find((point) => point.stageId === stage.id && !point.stepId);
  return (
    <div
      className="present"
      ref={root}
      tabIndex={-1}
      onKeyDown={onKey}
      data-testid="present"
      role="region"
      aria-label={`Presenting ${doc.map.title}`}
    >
      <p>
        {doc.map.title} · stage {Math.min(at, stages.length - 1) + 1} of {stages.length}
      </p>
      <h1 data-testid="present-stage">
        {stage?.name ?? 'No stages yet'}{' '}
        {emotion && (
          <span aria-label={`feeling ${emotion.score}`}>{emotion.emoji ?? emojiFor(emotion.score)}</span>
        )}
      </h1>
      {stage?.goal && <p>{stage.goal}</p>}
      <div className="present-cards">
        {sortByIndex(doc.lanes)
          .filter((lane) => lane.kind !== 'emotions')
          .map((lane) => {
            const cards = sortByIndex(
              doc.cards.filter((card) => card.laneId === lane.id && card.stageId === stage?.id),
            );
            if (cards.length === 0) return null;
            return (
              <section key={lane.id} className="present-lane">
                <h2>{lane.label}</h2>
                {cards.map((card) => (
                  <p key={card.id} className="present-card">
                    {card.text}
                  </p>
                ))}
              </section>
            );
          })}
      </div>
      <div className="present-nav">
        <button type="button" onClick={() => setAt((i) => Math.max(0, i - 1))} disabled={at === 0}>
          ← Previous
        </button>
        <button
          type="button"
          onClick={() => setAt((i) => Math.min(stages.length - 1, i + 1))}
          disabled={at >= stages.length - 1}
          data-testid="present-next"
        >
          Next →
        </button>
        <button type="button" onClick={() => void root.current?.requestFullscreen?.()}>
          Full screen
        </button>
        <button type="button" onClick={leave}>
          Exit
        </button>
      </div>
    </div>
  );
}

import { useMemo } from 'react';
import type { Journey } from '@trailmap/schema';
import { LocalMapSession } from '../session/LocalMapSession';
import { EditorProvider } from '../editor/EditorProvider';
import { Canvas } from '../canvas/Canvas';
import type { ChangeKind } from './diffDocs';

/** A map drawn read-only (past version, compare pane), with optional change highlights. */
export function ReadOnlyMap({
  doc,
  highlights,
  label,
}: {
  doc: Journey;
  highlights?: Map<string, ChangeKind>;
  label: string;
}) {
  const session = useMemo(() => new LocalMapSession(doc.map.id, doc, { canEdit: false }), [doc]);
  const css = useMemo(() => {
    if (!highlights) return '';
    const rules: string[] = [];
    for (const [id, kind] of highlights) {
      const selector = `[data-compare="${CSS.escape(label)}"] [data-id="${CSS.escape(id)}"]`;
      rules.push(
        `${selector}{outline:3px solid ${kind === 'added' ? '#1d7a3a' : kind === 'removed' ? '#b42318' : '#b7791f'};outline-offset:1px}`,
      );
    }
    return rules.join('\n');
  }, [highlights, label]);
  return (
    <section
      className="read-only-map"
      data-compare={label}
      aria-label={label}
      data-testid={`readonly-${label}`}
    >
      {css && <style>{css}</style>}
      <EditorProvider session={session}>
        <h2 className="compare-title">{label}</h2>
        <Canvas />
      </EditorProvider>
    </section>
  );
}

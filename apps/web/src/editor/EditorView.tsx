import { useEffect, useRef } from 'react';
import { useEditor } from './EditorContext';
import { useBodyKeyboard, useEditorKeyboard } from './useEditorKeyboard';
import { Canvas } from '../canvas/Canvas';
import { Toolbar } from './Toolbar';
import { MapHeader } from './MapHeader';
import { PersonaPanel } from './PersonaPanel';
import { CardInspector } from './CardInspector';
import { OpportunityInspector } from './OpportunityInspector';
import { EmotionInspector } from './EmotionInspector';
import { ActionPlanTable } from './ActionPlanTable';
import { ShortcutHelp } from './ShortcutHelp';
import { CommentsPanel } from '../collab/CommentsPanel';
import { VotingBar } from '../collab/VotingBar';

/** The editor screen of one map: toolbar, header, canvas (or action plan) and side panel. */
export function EditorView({ extraToolbar }: { extraToolbar?: React.ReactNode }) {
  const editor = useEditor();
  const onKeyDown = useEditorKeyboard(editor);
  useBodyKeyboard(editor);
  const { view, session } = editor;
  const lastSelection = useRef<string[]>([]);

  useEffect(() => {
    if (lastSelection.current === view.selection) return;
    lastSelection.current = view.selection;
    session.setPresence({ selection: view.selection });
  }, [view.selection, session]);

  const opportunity = view.opportunityId
    ? editor.doc.opportunities.find((candidate) => candidate.id === view.opportunityId)
    : undefined;
  const panel =
    view.panel === 'persona' ? (
      <PersonaPanel />
    ) : view.panel === 'comments' ? (
      <CommentsPanel />
    ) : opportunity ? (
      <OpportunityInspector key={opportunity.id} opportunity={opportunity} />
    ) : view.selection.length > 0 ? (
      <CardInspector />
    ) : view.emotionAt ? (
      <EmotionInspector
        key={`${view.emotionAt.stageId}/${view.emotionAt.stepId ?? ''}`}
        {...view.emotionAt}
      />
    ) : null;
  return (
    <div className="editor" onKeyDown={onKeyDown} data-testid="editor" data-can-edit={editor.status.canEdit}>
      <Toolbar extra={extraToolbar} />
      <VotingBar />
      <div className="editor-body">
        <main className="editor-main" id="main">
          <MapHeader />
          {view.mode === 'plan' ? <ActionPlanTable /> : <Canvas />}
        </main>
        {panel && <aside className="side-panel">{panel}</aside>}
      </div>
      {view.isHelpOpen && <ShortcutHelp />}
    </div>
  );
}

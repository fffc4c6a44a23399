import { createContext, useContext } from 'react';
import type { Journey } from '@trailmap/schema';
import type { CommandCall } from '@trailmap/core';
import type { CommandSource, MapSession, SessionStatus } from '../session/MapSession';
import type { GridLayout } from '../canvas/gridLayout';
import type { Store } from '../lib/store';
import type { FocusTarget, ViewState } from './viewState';
import type { CollaborationApi } from '../collab/CollaborationApi';

/** Everything an editor component may use; edits go through `run`/`runBatch` only. */
export interface EditorApi {
  session: MapSession;
  doc: Journey;
  status: SessionStatus;
  layout: GridLayout;
  view: ViewState;
  viewStore: Store<ViewState>;
  collaboration: CollaborationApi | undefined;
  /** Runs a core command; refusals become toasts. Returns whether it ran. */
  run(id: string, input: unknown, source: CommandSource): boolean;
  runBatch(calls: readonly CommandCall[], source: CommandSource): boolean;
  /** Runs a binding (keyboard, toolbar, context menu) by its id. */
  perform(actionId: string, target: FocusTarget, source: CommandSource): void;
  focusElement(selector: string): void;
}

export const EditorContext = createContext<EditorApi | undefined>(undefined);

export function useEditor(): EditorApi {
  const editor = useContext(EditorContext);
  if (!editor) throw new Error('useEditor must be used inside <EditorProvider>');
  return editor;
}

/** The parts of the editor whose identity never changes; hot components (cards) use only these. */
export interface EditorStable {
  get(): EditorApi;
  viewStore: Store<ViewState>;
  session: MapSession;
  run: EditorApi['run'];
  runBatch: EditorApi['runBatch'];
  perform: EditorApi['perform'];
  focusElement: EditorApi['focusElement'];
}

export const EditorStableContext = createContext<EditorStable | undefined>(undefined);

export function useEditorStable(): EditorStable {
  const stable = useContext(EditorStableContext);
  if (!stable) throw new Error('useEditorStable must be used inside <EditorProvider>');
  return stable;
}

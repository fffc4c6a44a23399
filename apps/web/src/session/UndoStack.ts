/**
 * Snapshot-based undo for immutable documents. `merge` steps with the same gesture key fold into
 * the previous step until `stopCapturing` is called (typing in one card is one undo step).
 */
export class UndoStack<T> {
  private readonly past: { state: T; key: string }[] = [];
  private future: T[] = [];
  private openGesture: string | undefined;

  constructor(private readonly limit = 200) {}

  push(before: T, mode: 'record' | 'merge' | 'skip', gestureKey: string): void {
    if (mode === 'skip') return;
    this.future = [];
    if (mode === 'merge' && this.openGesture === gestureKey && this.past.length > 0) return;
    this.past.push({ state: before, key: gestureKey });
    if (this.past.length > this.limit) this.past.shift();
    this.openGesture = mode === 'merge' ? gestureKey : undefined;
  }

  stopCapturing(): void {
    this.openGesture = undefined;
  }

  undo(current: T): T | undefined {
    const step = this.past.pop();
    if (!step) return undefined;
    this.future.push(current);
    this.openGesture = undefined;
    return step.state;
  }

  redo(current: T): T | undefined {
    const next = this.future.pop();
    if (next === undefined) return undefined;
    this.past.push({ state: current, key: 'redo' });
    this.openGesture = undefined;
    return next;
  }

  canUndo = () => this.past.length > 0;
  canRedo = () => this.future.length > 0;
}

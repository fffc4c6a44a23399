import { useEffect, useRef, useState } from 'react';

interface Props {
  label: string;
  value: string;
  onCommit: (value: string) => void;
  testId?: string;
  isMultiline?: boolean;
}

/** A text field that commits on Enter or blur and cancels on Escape (returns the old value). */
export function InlineText({ label, value, onCommit, testId, isMultiline }: Props) {
  const [draft, setDraft] = useState(value);
  const ref = useRef<HTMLInputElement & HTMLTextAreaElement>(null);
  const isDone = useRef(false);
  useEffect(() => {
    ref.current?.focus();
    ref.current?.select();
  }, []);
  const finish = (next: string) => {
    if (isDone.current) return;
    isDone.current = true;
    onCommit(next);
  };
  const props = {
    ref,
    'aria-label': label,
    'data-testid': testId,
    className: 'inline-text',
    value: draft,
    onChange: (event: { target: { value: string } }) => setDraft(event.target.value),
    onBlur: () => finish(draft),
    onKeyDown: (event: React.KeyboardEvent) => {
      event.stopPropagation();
      if (event.key === 'Escape') finish(value);
      if (event.key === 'Enter' && (!isMultiline || event.ctrlKey || event.metaKey)) {
        event.preventDefault();
        finish(draft);
      }
    },
  };
  return isMultiline ? <textarea rows={3} {...props} /> : <input type="text" {...props} />;
}

import { useId, useRef, useState, type KeyboardEvent } from 'react';
import type { Member } from './CollaborationApi';
import { insertMention, mentionQueryAt, mentionedIds, suggestMembers } from './mentions';

interface Props {
  members: Member[];
  onSubmit: (text: string, mentions: string[]) => void;
}

/** A comment box with @mention autocomplete (a combobox listbox, keyboard operable). */
export function MentionInput({ members, onSubmit }: Props) {
  const [text, setText] = useState('');
  const [caret, setCaret] = useState(0);
  const [active, setActive] = useState(0);
  const ref = useRef<HTMLTextAreaElement>(null);
  const listId = useId();
  const query = mentionQueryAt(text, caret);
  const suggestions = query ? suggestMembers(members, query.query) : [];
  const isOpen = suggestions.length > 0;

  const pick = (member: Member) => {
    if (!query) return;
    const next = insertMention(text, query.start, caret, member);
    setText(next.text);
    setCaret(next.caret);
    requestAnimationFrame(() => ref.current?.setSelectionRange(next.caret, next.caret));
  };
  const submit = () => {
    if (!text.trim()) return;
    onSubmit(text.trim(), mentionedIds(text, members));
    setText('');
    setCaret(0);
  };
  const onKeyDown = (event: KeyboardEvent) => {
    event.stopPropagation();
    if (isOpen && (event.key === 'ArrowDown' || event.key === 'ArrowUp')) {
      event.preventDefault();
      setActive((i) => (i + (event.key === 'ArrowDown' ? 1 : suggestions.length - 1)) % suggestions.length);
    } else if (isOpen && (event.key === 'Enter' || event.key === 'Tab')) {
      event.preventDefault();
      pick(suggestions[Math.min(active, suggestions.length - 1)]!);
    } else if (event.key === 'Enter' && !event.shiftKey) {
      event.preventDefault();
      submit();
    }
  };
  return (
    <form className="mention-form" onSubmit={(e) => (e.preventDefault(), submit())}>
      <label htmlFor={`${listId}-input`} className="visually-hidden">
        Write a comment
      </label>
      <textarea
        id={`${listId}-input`}
        ref={ref}
        rows={3}
        value={text}
        placeholder="Comment… type @ to mention"
        role="combobox"
        aria-expanded={isOpen}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={isOpen ? `${listId}-${active}` : undefined}
        data-testid="comment-input"
        onChange={(e) => {
          setText(e.target.value);
          setCaret(e.target.selectionStart);
          setActive(0);
        }}
        onSelect={(e) => setCaret(e.currentTarget.selectionStart)}
        onKeyDown={onKeyDown}
      />
      {isOpen && (
        <ul role="listbox" id={listId} className="mention-list" data-testid="mention-suggestions">
          {suggestions.map((member, i) => (
            <li
              key={member.id}
              id={`${listId}-${i}`}
              role="option"
              aria-selected={i === active}
              onMouseDown={(e) => (e.preventDefault(), pick(member))}
            >
              {member.name}
              {member.email && <span className="muted"> {member.email}</span>}
            </li>
          ))}
        </ul>
      )}
      <button type="submit" className="primary" data-testid="comment-submit">
        Comment
      </button>
    </form>
  );
}

import { useEffect, useRef, type KeyboardEvent, type ReactNode } from 'react';

export interface Choice<T extends string> {
  value: T;
  label: string;
}

interface Props<T extends string> {
  /** Accessible name of the button (and of the menu). */
  label: string;
  /** What the button shows. */
  icon: ReactNode;
  choices: readonly Choice<T>[];
  value: T;
  isOpen: boolean;
  onOpenChange(isOpen: boolean): void;
  onChoose(value: T): void;
  testId: string;
}

/**
 * A button that opens a menu of mutually exclusive choices (WAI-ARIA menu button with
 * menuitemradio items): arrows move, Enter/Space choose, Escape closes and returns focus.
 */
export function ChoiceMenu<T extends string>(props: Props<T>) {
  const { label, icon, choices, value, isOpen, onOpenChange, onChoose, testId } = props;
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLUListElement>(null);

  useEffect(() => {
    if (!isOpen) return;
    const items = [...(menu.current?.querySelectorAll<HTMLElement>('[role="menuitemradio"]') ?? [])];
    (items.find((item) => item.getAttribute('aria-checked') === 'true') ?? items[0])?.focus();
    const onPointerDown = (event: PointerEvent) => {
      const target = event.target as Node;
      if (!menu.current?.contains(target) && !button.current?.contains(target)) onOpenChange(false);
    };
    document.addEventListener('pointerdown', onPointerDown);
    return () => document.removeEventListener('pointerdown', onPointerDown);
  }, [isOpen, onOpenChange]);

  const close = () => {
    onOpenChange(false);
    button.current?.focus();
  };
  const choose = (choice: T) => {
    close();
    if (choice !== value) onChoose(choice);
  };
  const onMenuKeyDown = (event: KeyboardEvent) => {
    const items = [...(menu.current?.querySelectorAll<HTMLElement>('[role="menuitemradio"]') ?? [])];
    const at = items.indexOf(document.activeElement as HTMLElement);
    const moveTo = (index: number) => items[(index + items.length) % items.length]?.focus();
    const keys: Record<string, () => void> = {
      ArrowDown: () => moveTo(at + 1),
      ArrowUp: () => moveTo(at - 1),
      Home: () => moveTo(0),
      End: () => moveTo(items.length - 1),
      Escape: close,
      Tab: () => onOpenChange(false),
    };
    const handle = keys[event.key];
    if (!handle) return;
    // The editor's own shortcuts (arrows move cards, Delete removes) must not see these keys.
    event.stopPropagation();
    if (event.key !== 'Tab') event.preventDefault();
    handle();
  };

  return (
    <div className="choice-menu">
      <button
        ref={button}
        type="button"
        className="icon-button"
        aria-label={label}
        title={label}
        aria-haspopup="menu"
        aria-expanded={isOpen}
        data-testid={testId}
        onClick={() => onOpenChange(!isOpen)}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
            event.preventDefault();
            event.stopPropagation();
            onOpenChange(true);
          }
        }}
      >
        {icon}
      </button>
      {isOpen && (
        <ul
          ref={menu}
          role="menu"
          aria-label={label}
          className="choice-menu-list"
          data-testid={`${testId}.menu`}
          onKeyDown={onMenuKeyDown}
        >
          {choices.map((choice) => (
            <li
              key={choice.value}
              role="menuitemradio"
              aria-checked={choice.value === value}
              tabIndex={-1}
              data-testid={`${testId}.${choice.value}`}
              onClick={() => choose(choice.value)}
              onKeyDown={(event) => {
                if (event.key === 'Enter' || event.key === ' ') {
                  event.preventDefault();
                  event.stopPropagation();
                  choose(choice.value);
                }
              }}
            >
              {choice.label}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** A small "Edit" button beside a heading; its accessible name says what it edits. */
export function EditButton({
  what,
  onClick,
  testId,
}: {
  what: string;
  onClick: () => void;
  testId?: string;
}) {
  return (
    <button
      type="button"
      className="edit-button"
      aria-label={`Edit ${what}`}
      title={`Edit ${what}`}
      onClick={onClick}
      data-testid={testId}
    >
      ✎
    </button>
  );
}

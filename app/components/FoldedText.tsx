import { useState } from 'react';

/**
 * Text that shows its first `limit` characters until the user asks for the
 * rest, so one huge property value cannot make the panel slow or unreadable.
 */
export function FoldedText({ text, limit, testId }: { text: string; limit: number; testId?: string }) {
  const [all, setAll] = useState(false);
  const folded = !all && text.length > limit;
  return (
    <>
      <span data-testid={testId}>{folded ? `${text.slice(0, limit)}…` : text}</span>
      {folded && (
        <button type="button" className="link-button fold-button" onClick={() => setAll(true)}>
          show all {text.length.toLocaleString('en-US')} characters
        </button>
      )}
    </>
  );
}

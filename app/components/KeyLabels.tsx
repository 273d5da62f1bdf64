import { keyBindingLabels } from '../commands/keyBinding';

/** A key binding (`Ctrl+K`) as `<kbd>` caps. */
export function KeyLabels({ binding }: { binding: string }) {
  return (
    <span className="keys">
      {keyBindingLabels(binding).map((key) => (
        <kbd key={key}>{key}</kbd>
      ))}
    </span>
  );
}

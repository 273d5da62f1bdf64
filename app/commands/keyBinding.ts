/** A parsed keyboard shortcut: modifiers and the key (`KeyboardEvent.key`, letters lower case). */
export interface KeyBinding {
  ctrl: boolean;
  shift: boolean;
  alt: boolean;
  key: string;
}

/**
 * Reads `Ctrl+Shift+P`, `Alt+ArrowRight`, `?` or `Backspace`. `Ctrl` also
 * matches the Mac's Command key. The last part is the key; a lone `+` is
 * the plus key.
 */
export function parseKeyBinding(text: string): KeyBinding {
  const parts = text === '+' ? ['+'] : text.split('+');
  const key = parts[parts.length - 1];
  if (key === '') throw new Error(`key binding "${text}" names no key`);
  const modifiers = new Set(parts.slice(0, -1));
  for (const modifier of modifiers)
    if (modifier !== 'Ctrl' && modifier !== 'Shift' && modifier !== 'Alt')
      throw new Error(`key binding "${text}": unknown modifier "${modifier}"`);
  return {
    ctrl: modifiers.has('Ctrl'),
    shift: modifiers.has('Shift'),
    alt: modifiers.has('Alt'),
    key: key.length === 1 ? key.toLowerCase() : key,
  };
}

/** The parts of a key event a binding is matched against. */
export type KeyPress = Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'>;

/**
 * Whether a key press is this binding. A binding with modifiers must match
 * them all, its key compared case-blind. A plain key compares as typed: the
 * browser has already applied Shift (`?` is Shift+/ on most layouts and
 * must match `?`; Shift+G gives `G`, which is not `g`); named keys
 * (Backspace) must come without Shift.
 */
export function matchesKeyBinding(binding: KeyBinding, press: KeyPress): boolean {
  const ctrl = press.ctrlKey || press.metaKey;
  if (ctrl !== binding.ctrl || press.altKey !== binding.alt) return false;
  if (binding.ctrl || binding.alt || binding.shift)
    return (
      press.shiftKey === binding.shift && (press.key.length === 1 ? press.key.toLowerCase() : press.key) === binding.key
    );
  return press.key === binding.key && (press.key.length === 1 || !press.shiftKey);
}

/** The keys of a binding as shown in `<kbd>`s: `['Ctrl', 'K']`, `['?']`. */
export function keyBindingLabels(text: string): string[] {
  const binding = parseKeyBinding(text);
  const labels: string[] = [];
  if (binding.ctrl) labels.push('Ctrl');
  if (binding.alt) labels.push('Alt');
  if (binding.shift) labels.push('Shift');
  labels.push(KEY_LABELS[binding.key] ?? (binding.key.length === 1 ? binding.key.toUpperCase() : binding.key));
  // Plain single characters are shown as typed (`g`, `?`), not upper-cased.
  if (labels.length === 1 && binding.key.length === 1) labels[0] = binding.key;
  return labels;
}

const KEY_LABELS: Record<string, string> = {
  ArrowRight: '→',
  ArrowLeft: '←',
  ArrowUp: '↑',
  ArrowDown: '↓',
  Escape: 'Esc',
};

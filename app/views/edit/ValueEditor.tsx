import { EDIT_FOCUS_ATTRIBUTE } from '../../edit/editHere';
import { useId, useState } from 'react';
import type { ByteOrder } from '../../../core/bytes';
import type { TypedValue } from '../../../core/kho';
import {
  defaultEditor,
  encodeValueText,
  VALUE_EDITORS,
  ValueTextError,
  valueText,
  type ValueEditorKind,
} from '../../edit/valueEditors';
import { useEditStore } from '../../state/editStore';

/**
 * A value in a typed editor: string, string list, u32 cells, u64 (byte
 * order shown and switchable), raw bytes, or DTS value syntax as the escape
 * hatch. Switching editors or byte order keeps the value when it fits the
 * new editor. `onSubmit` gets the bytes; text that cannot be encoded is
 * refused next to the field (`place`).
 */
export function ValueEditor({
  raw,
  value,
  place,
  submitLabel,
  onSubmit,
  focusTarget = false,
}: {
  raw: Uint8Array;
  value: TypedValue | null;
  place: string;
  submitLabel: string;
  onSubmit(bytes: Uint8Array): void;
  /** The text field is where "edit here" (`e`, right-click) puts focus. */
  focusTarget?: boolean;
}) {
  const focus = focusTarget ? { [EDIT_FOCUS_ATTRIBUTE]: true } : {};
  const initial = value ? defaultEditor(value) : { kind: 'string' as ValueEditorKind, order: 'le' as ByteOrder };
  const [kind, setKind] = useState<ValueEditorKind>(initial.kind);
  const [order, setOrder] = useState<ByteOrder>(initial.order);
  const [text, setText] = useState(() => valueText(initial.kind, raw, initial.order) ?? '');
  const busy = useEditStore((state) => state.busy);
  const refuse = useEditStore((state) => state.refuse);
  const clear = useEditStore((state) => state.clearRefusal);
  const id = useId();

  // Show the value as it was typed so far in the new editor, when it fits there.
  const reread = (nextKind: ValueEditorKind, nextOrder: ByteOrder) => {
    let bytes: Uint8Array | null = null;
    try {
      bytes = encodeValueText(kind, text, order);
    } catch {
      bytes = null;
    }
    const next = bytes ? valueText(nextKind, bytes, nextOrder) : null;
    if (next !== null) setText(next);
    setKind(nextKind);
    setOrder(nextOrder);
    clear(place);
  };

  const submit = () => {
    try {
      onSubmit(encodeValueText(kind, text, order));
    } catch (error) {
      if (error instanceof ValueTextError) refuse(place, error.message);
      else throw error;
    }
  };

  const multiline = kind === 'strings' || kind === 'bytes' || kind === 'dts';
  return (
    <form
      className="value-editor"
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <div className="value-editor__kinds" role="radiogroup" aria-label="Edit as">
        {VALUE_EDITORS.map((editor) => (
          <label key={editor.kind} className={`value-editor__kind${editor.kind === kind ? ' is-on' : ''}`}>
            <input
              type="radio"
              name={`${id}-kind`}
              checked={editor.kind === kind}
              onChange={() => reread(editor.kind, order)}
            />
            {editor.label}
          </label>
        ))}
      </div>
      {(kind === 'u32' || kind === 'u64') && (
        <div className="value-editor__order">
          <span className="dim">byte order</span>
          <button
            type="button"
            className="button button--small"
            aria-label={`Byte order: ${order === 'le' ? 'little-endian' : 'big-endian'} (switch)`}
            data-testid="byte-order"
            onClick={() => reread(kind, order === 'le' ? 'be' : 'le')}
          >
            {order === 'le' ? 'little-endian (KHO)' : 'big-endian (dtc cells)'}
          </button>
        </div>
      )}
      {multiline ? (
        <textarea
          className="input value-editor__text mono"
          aria-label="Value"
          {...focus}
          rows={3}
          value={text}
          onChange={(event) => setText(event.target.value)}
        />
      ) : (
        <input
          className="input value-editor__text mono"
          aria-label="Value"
          {...focus}
          value={text}
          onChange={(event) => setText(event.target.value)}
        />
      )}
      <div className="value-editor__hint dim">{HINTS[kind]}</div>
      <button type="submit" className="button button--small button--primary" disabled={busy}>
        {submitLabel}
      </button>
    </form>
  );
}

const HINTS: Record<ValueEditorKind, string> = {
  string: 'text; a NUL is written after it',
  strings: 'one string per line, each NUL-terminated',
  u32: 'numbers (decimal or 0x-hex), 4 bytes each',
  u64: 'numbers (decimal or 0x-hex), 8 bytes each',
  bytes: 'hex pairs: 00 1f a0',
  dts: 'as in a .dts file: <0x1 0x2>, "text", [00 01], /bits/ 64 <0x1234>; also u64le:0x1234',
};

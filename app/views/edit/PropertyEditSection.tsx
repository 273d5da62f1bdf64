import { useState } from 'react';
import { bytesToHex } from '../../../core/edit';
import type { Fragment, TypedValue } from '../../../core/kho';
import { Section } from '../../components/Section';
import { applyOperation } from '../../edit/editActions';
import { propertyLock } from '../../edit/editLocks';
import { useEditContext } from '../../edit/useEditContext';
import { useEditStore } from '../../state/editStore';
import { EditLocked } from './EditLocked';
import { EditRefusal } from './EditRefusal';
import { ValueEditor } from './ValueEditor';

/**
 * Editing one property in the inspector: its value in a typed editor, rename
 * and delete; or, for a value the editor owns (or a raw struct field), why
 * it is read-only.
 */
export function PropertyEditSection({
  fragment,
  node,
  name,
  raw,
  value,
}: {
  fragment: Fragment;
  node: string;
  name: string;
  raw: Uint8Array;
  value: TypedValue;
}) {
  const context = useEditContext(fragment.id);
  const busy = useEditStore((state) => state.busy);
  const [newName, setNewName] = useState(name);
  if (!context.ready && !context.unavailable) return null;
  const lock = propertyLock(fragment, context.editId, context.roots, node, name, context.unavailable);
  if (lock) return <EditLocked reason={lock} testId="property-edit" />;
  const at = { fragment: context.editId, node };
  const place = `property:${fragment.id}:${node}:${name}`;
  return (
    <Section title="Edit" testId="property-edit">
      <ValueEditor
        key={`${fragment.id}:${node}:${name}:${bytesToHex(raw)}`}
        raw={raw}
        value={value}
        place={`${place}:value`}
        submitLabel="Set value"
        focusTarget
        onSubmit={(bytes) =>
          void applyOperation({ op: 'set-property', ...at, name, value: bytesToHex(bytes) }, `${place}:value`, {
            kind: 'property',
            ...at,
            property: name,
          })
        }
      />
      <EditRefusal place={`${place}:value`} />
      <form
        className="edit-row"
        onSubmit={(event) => {
          event.preventDefault();
          void applyOperation({ op: 'rename-property', ...at, name, to: newName }, `${place}:name`, {
            kind: 'property',
            ...at,
            property: newName,
          });
        }}
      >
        <input
          className="input mono"
          aria-label="New property name"
          value={newName}
          onChange={(event) => setNewName(event.target.value)}
        />
        <button type="submit" className="button button--small" disabled={busy || newName === name}>
          Rename
        </button>
        <button
          type="button"
          className="button button--small button--danger"
          disabled={busy}
          onClick={() =>
            void applyOperation({ op: 'remove-property', ...at, name }, `${place}:name`, { kind: 'node', ...at })
          }
        >
          Delete property
        </button>
      </form>
      <EditRefusal place={`${place}:name`} />
    </Section>
  );
}

import { EDIT_FOCUS_ATTRIBUTE } from '../../edit/editHere';
import { useState, type ReactNode } from 'react';
import { bytesToHex, type EditOperation } from '../../../core/edit';
import type { Fragment, KhoGraph } from '../../../core/kho';
import { Section } from '../../components/Section';
import { applyOperation, type EditTarget } from '../../edit/editActions';
import { fragmentLock } from '../../edit/editLocks';
import { useEditContext } from '../../edit/useEditContext';
import { latin1Bytes } from '../../format/latin1Bytes';
import { useEditStore } from '../../state/editStore';
import { EditLocked } from './EditLocked';
import { EditRefusal } from './EditRefusal';
import { ValueEditor } from './ValueEditor';

/** Link schemes whose pointer the editor writes (a node holding one can be inlined or have its page list reordered). */
const EDITABLE_LINKS = new Set(['draft-recursive-fdt', 'kho-v1-fdt', 'preserved-data']);

/**
 * Editing a node in the inspector (the root node `/` of a fragment too): add
 * a property, a child node or a child fragment; rename or delete it; split
 * it into a fragment of its own, inline the fragment it links to, or write
 * its page list in the other byte order. Each refusal shows beside its form.
 */
export function NodeEditSection({ graph, fragment, node }: { graph: KhoGraph; fragment: Fragment; node: string }) {
  const context = useEditContext(fragment.id);
  if (!context.ready && !context.unavailable) return null;
  const lock = fragmentLock(fragment, context.unavailable);
  if (lock) return <EditLocked reason={lock} testId="node-edit" />;
  const at = { fragment: context.editId, node };
  const place = `node:${fragment.id}:${node}`;
  const link = graph.links.find(
    (candidate) =>
      candidate.from.fragment === fragment.id && candidate.from.node === node && EDITABLE_LINKS.has(candidate.scheme),
  );
  const isRoot = node === '/';
  const child = (name: string): string => `${isRoot ? '' : node}/${name}`;
  return (
    <Section title="Edit" testId="node-edit">
      <AddProperty at={at} place={`${place}:add-property`} />
      <NameForm
        label="Add child node"
        placeholder="node name"
        place={`${place}:add-node`}
        op={(name) => ({ op: 'add-node', ...at, name })}
        then={(name) => ({ kind: 'node', ...at, node: child(name) })}
      />
      <AddFragment at={at} place={`${place}:add-fragment`} />
      {!isRoot && (
        <NameForm
          label="Rename node"
          focusTarget
          initial={node.slice(node.lastIndexOf('/') + 1)}
          place={`${place}:rename`}
          op={(to) => ({ op: 'rename-node', ...at, to })}
          then={(to) => ({ kind: 'node', ...at, node: `${node.slice(0, node.lastIndexOf('/')) || ''}/${to}` })}
        />
      )}
      <div className="edit-row">
        {!isRoot && (
          <ActionButton place={`${place}:structure`} op={{ op: 'remove-node', ...at }} then={parentOf(at)} danger>
            Delete node
          </ActionButton>
        )}
        {!isRoot && !link && (
          <ActionButton place={`${place}:structure`} op={{ op: 'split', ...at }}>
            Split into its own fragment
          </ActionButton>
        )}
        {link && (
          <ActionButton place={`${place}:structure`} op={{ op: 'inline', ...at }} then={{ kind: 'node', ...at }}>
            Inline the linked fragment
          </ActionButton>
        )}
        {link?.scheme === 'draft-recursive-fdt' && (
          <ActionButton
            place={`${place}:structure`}
            op={{ op: 'set-page-order', ...at, order: link.order === 'le' ? 'be' : 'le' }}
          >
            Write page list {link.order === 'le' ? 'big' : 'little'}-endian
          </ActionButton>
        )}
      </div>
      <EditRefusal place={`${place}:structure`} />
    </Section>
  );
}

function parentOf(at: { fragment: string; node: string }): EditTarget {
  const parent = at.node.slice(0, at.node.lastIndexOf('/')) || '/';
  return parent === '/' ? { kind: 'fragment', fragment: at.fragment } : { kind: 'node', ...at, node: parent };
}

function ActionButton({
  place,
  op,
  then,
  danger,
  children,
}: {
  place: string;
  op: EditOperation;
  then?: EditTarget;
  danger?: boolean;
  children: ReactNode;
}) {
  const busy = useEditStore((state) => state.busy);
  return (
    <button
      type="button"
      className={`button button--small${danger ? ' button--danger' : ''}`}
      disabled={busy}
      onClick={() => void applyOperation(op, place, then)}
    >
      {children}
    </button>
  );
}

/** A one-name form (add a child, rename). */
function NameForm({
  label,
  placeholder,
  initial = '',
  place,
  op,
  then,
  focusTarget = false,
}: {
  label: string;
  placeholder?: string;
  initial?: string;
  /** Its field is where "edit here" puts focus. */
  focusTarget?: boolean;
  place: string;
  op(name: string): EditOperation;
  then(name: string): EditTarget;
}) {
  const [name, setName] = useState(initial);
  const busy = useEditStore((state) => state.busy);
  return (
    <>
      <form
        className="edit-row"
        onSubmit={(event) => {
          event.preventDefault();
          void applyOperation(op(name), place, then(name)).then((done) => done && setName(initial));
        }}
      >
        <NameInput label={label} placeholder={placeholder} value={name} onChange={setName} focusTarget={focusTarget} />
        <button type="submit" className="button button--small" disabled={busy || name === '' || name === initial}>
          {label}
        </button>
      </form>
      <EditRefusal place={place} />
    </>
  );
}

function AddProperty({ at, place }: { at: { fragment: string; node: string }; place: string }) {
  const [name, setName] = useState('');
  return (
    <details className="edit-details">
      <summary>Add property</summary>
      <NameInput label="New property name" placeholder="property name" value={name} onChange={setName} />
      <ValueEditor
        raw={new Uint8Array(0)}
        value={null}
        place={place}
        submitLabel="Add property"
        onSubmit={(bytes) =>
          void applyOperation({ op: 'add-property', ...at, name, value: bytesToHex(bytes) }, place, {
            kind: 'property',
            ...at,
            property: name,
          }).then((done) => done && setName(''))
        }
      />
      <EditRefusal place={place} />
    </details>
  );
}

function AddFragment({ at, place }: { at: { fragment: string; node: string }; place: string }) {
  const [name, setName] = useState('');
  const [compatible, setCompatible] = useState('');
  const busy = useEditStore((state) => state.busy);
  const properties: [string, string][] =
    compatible === '' ? [] : [['compatible', bytesToHex(latin1Bytes(`${compatible}\0`))]];
  return (
    <details className="edit-details">
      <summary>Add child fragment</summary>
      <form
        className="edit-row"
        onSubmit={(event) => {
          event.preventDefault();
          void applyOperation(
            { op: 'add-fragment', ...at, name, tree: { name: '', properties, children: [] } },
            place,
            { kind: 'node', ...at, node: `${at.node === '/' ? '' : at.node}/${name}` },
          ).then((done) => {
            if (!done) return;
            setName('');
            setCompatible('');
          });
        }}
      >
        <NameInput label="New fragment's node name" placeholder="node name" value={name} onChange={setName} />
        <NameInput
          label="New fragment's compatible"
          placeholder="compatible (optional)"
          value={compatible}
          onChange={setCompatible}
        />
        <button type="submit" className="button button--small" disabled={busy || name === ''}>
          Add fragment
        </button>
      </form>
      <EditRefusal place={place} />
    </details>
  );
}

/** A one-line text field for a name (or a compatible), labelled for screen readers. */
function NameInput({
  label,
  placeholder,
  value,
  onChange,
  focusTarget = false,
}: {
  label: string;
  placeholder?: string;
  value: string;
  onChange(value: string): void;
  focusTarget?: boolean;
}) {
  return (
    <input
      className="input mono"
      aria-label={label}
      {...(focusTarget ? { [EDIT_FOCUS_ATTRIBUTE]: true } : {})}
      placeholder={placeholder}
      value={value}
      onChange={(event) => onChange(event.target.value)}
    />
  );
}

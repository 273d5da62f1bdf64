import { type ReactNode, useEffect, useRef } from 'react';
import { downloadEditedImage, editedFileName } from '../../edit/editActions';
import { useDocumentStore } from '../../state/documentStore';
import { useEditStore } from '../../state/editStore';
import type { ExportPreview } from '../../model/ExportPreview';
import { EditRefusal } from './EditRefusal';

const FATES: Record<string, string> = {
  'rewritten-in-place': 'rewritten in place',
  patched: 'pointer values patched (bytes otherwise as they were)',
  grown: 'grown onto more pages',
  moved: 'moved to new memory',
  new: 'new',
};

/**
 * Export, step 1 of 2: what the edited image changes, before anything is
 * written (fragments rewritten, moved or new, pages taken and given back,
 * pointer and page-list updates, map entries added and removed, the new
 * problems); step 2 is the download of the image in its own container.
 */
export function ExportDialog() {
  const open = useEditStore((state) => state.exportOpen);
  const setOpen = useEditStore((state) => state.setExportOpen);
  const snapshot = useEditStore((state) => state.snapshot);
  const busy = useEditStore((state) => state.busy);
  const label = useDocumentStore((state) => state.label ?? 'image');
  const kdump = useDocumentStore((state) => state.image?.container === 'kdump');
  if (!open || !snapshot?.preview) return null;
  const preview = snapshot.preview;
  const name = editedFileName(label, kdump);
  return (
    <ModalDialog onClose={() => setOpen(false)}>
      <header className="modal__header">
        <h2 id="export-title">Export the edited image</h2>
        <button type="button" className="button button--small" onClick={() => setOpen(false)}>
          Close
        </button>
      </header>
      <PreviewLists preview={preview} />
      {snapshot.added.length > 0 && (
        <p className="edit-refusal" data-testid="export-cost">
          The edited tree has {snapshot.added.length} problem{snapshot.added.length === 1 ? '' : 's'} the image did not
          have: {snapshot.added.map((d) => d.code).join(', ')}.
        </p>
      )}
      <p className="dim">
        {name}: {kdump ? 'written as an ELF core (kdump pages are compressed; ' : 'the same container; '}
        every byte no edit touched is copied from your file, and nothing leaves this machine.
        {kdump ? ')' : ''}
      </p>
      {snapshot.exportBlocked ? (
        <p className="edit-locked">{snapshot.exportBlocked}.</p>
      ) : (
        <button
          type="button"
          className="button button--primary"
          disabled={busy}
          onClick={() => void downloadEditedImage().then((done) => done && setOpen(false))}
        >
          Download {name}
        </button>
      )}
      <EditRefusal place="export" />
    </ModalDialog>
  );
}

/** A native modal dialog (Esc closes it; focus stays inside while open). */
function ModalDialog({ onClose, children }: { onClose(): void; children: ReactNode }) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    // No close() on cleanup: its close event would report a close the user did not ask for.
    if (dialog && !dialog.open) dialog.showModal();
  }, []);
  return (
    <dialog ref={ref} className="modal__card export-dialog" aria-labelledby="export-title" onClose={onClose}>
      {children}
    </dialog>
  );
}

function PreviewLists({ preview }: { preview: ExportPreview }) {
  return (
    <div className="export-preview" data-testid="export-preview">
      <p>
        <strong>{preview.changedPages}</strong> page{preview.changedPages === 1 ? '' : 's'} of memory change.
      </p>
      <Block
        title="Fragments written"
        items={preview.fragments.map(
          (f) => `${f.id}${f.was && f.was !== f.id ? ` (was ${f.was})` : ''}: ${FATES[f.fate]}, ${f.where}`,
        )}
      />
      <Block title="Fragments dropped (no longer linked; memory given back)" items={preview.dropped} />
      <Block title="Pointer and page-list updates" items={preview.pointers} />
      <Block title="Pages taken from free memory" items={preview.allocated} inline />
      <Block title="Memory given back (zeroed)" items={preview.released} inline />
      <Block
        title="Preserved-memory map"
        items={preview.maps.map(
          (map) =>
            `root ${map.root} (${map.encoding}): ${map.added.length} entr${map.added.length === 1 ? 'y' : 'ies'} added${list(map.added)}, ${map.removed.length} removed${list(map.removed)}${map.headAfter !== map.headBefore ? `; head moves ${map.headBefore} → ${map.headAfter}` : ''}; every other entry kept as it was`,
        )}
      />
    </div>
  );
}

function list(pages: string[]): ReactNode {
  if (pages.length === 0) return '';
  return ` (${pages.length > 8 ? `${pages.slice(0, 8).join(', ')}, …` : pages.join(', ')})`;
}

function Block({ title, items, inline }: { title: string; items: ReactNode[]; inline?: boolean }) {
  if (items.length === 0) return null;
  return (
    <section className="export-preview__block" aria-label={title}>
      <h3 className="section__title">{title}</h3>
      {inline ? (
        <p className="mono">{items.join(', ')}</p>
      ) : (
        <ul className="mono">
          {items.map((item, i) => (
            <li key={i}>{item}</li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** The full-window hint shown while files are dragged over the page; `compare` when the drop will be compared with the shown tree. */
export function DropOverlay({ compare = false }: { compare?: boolean }) {
  return (
    <div className="drop-overlay" role="status" aria-live="polite" data-testid="drop-overlay">
      <div className="drop-overlay__frame">
        <div className="drop-overlay__message">
          <strong>{compare ? 'Drop to compare with the shown tree' : 'Drop to open'}</strong>
          <span>
            An image file, several files, or a kho/out folder. It is read here, in this tab. Nothing is uploaded.
          </span>
        </div>
      </div>
    </div>
  );
}

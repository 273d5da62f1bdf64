/** Props of a fold toggle. */
export interface FoldToggleProps {
  open: boolean;
  onToggle(open: boolean): void;
  /** The panel's name, shown as its heading. */
  label: string;
  /** Tooltip, with the panel's key. */
  title: string;
}

/** The heading button that folds a panel (diagnostics, "About this"): a chevron and the panel's name. */
export function FoldToggle({ open, onToggle, label, title }: FoldToggleProps) {
  return (
    <button type="button" className="fold-toggle" aria-expanded={open} onClick={() => onToggle(!open)} title={title}>
      <span className="outline__chevron" data-open={open} aria-hidden="true">
        ▸
      </span>
      {label}
    </button>
  );
}

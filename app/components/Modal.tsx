import type { ReactNode } from 'react';

/** Props of a modal dialog. */
export interface ModalProps {
  /** The dialog's accessible name: its heading's id (`labelledBy`) or a label. */
  labelledBy?: string;
  label?: string;
  /** A click outside the card (Esc is handled page-wide by `closeOverlays`). */
  onClose(): void;
  /** Near the top of the page, like a search (the palette), instead of centred. */
  top?: boolean;
  className?: string;
  children: ReactNode;
}

/**
 * A modal dialog over a dimmed page: the help overlay, the command palette.
 * The backdrop is a plain layer under the card, so clicks in the card never
 * reach it and need no stopPropagation.
 */
export function Modal({ labelledBy, label, onClose, top = false, className = 'modal__card', children }: ModalProps) {
  return (
    <div className={top ? 'modal modal--top' : 'modal'}>
      <div className="modal__backdrop" aria-hidden="true" onClick={onClose} />
      <section className={className} role="dialog" aria-modal="true" aria-labelledby={labelledBy} aria-label={label}>
        {children}
      </section>
    </div>
  );
}

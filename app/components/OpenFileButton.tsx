import { useLayoutEffect, useRef } from 'react';
import type { ChangeEvent } from 'react';
import { pickedFiles } from '../input/pickedFiles';
import { openFiles } from '../state/openActions';

interface OpenFileButtonProps {
  label: string;
  primary?: boolean;
  /** Pick a folder (a copied kho/out) instead of files. */
  folder?: boolean;
}

/**
 * A button that opens the browser's picker (a hidden file input): files
 * (several make a debugfs set), or a whole folder. No `accept` filter: dumps
 * and blobs rarely have telling extensions (`vmcore`, `fdt`).
 */
export function OpenFileButton({ label, primary = false, folder = false }: OpenFileButtonProps) {
  const input = useRef<HTMLInputElement>(null);
  useLayoutEffect(() => {
    // Not a React prop: set on the element itself.
    if (input.current) input.current.webkitdirectory = folder;
  }, [folder]);
  const chosen = (event: ChangeEvent<HTMLInputElement>) => {
    const files = pickedFiles(event.target.files);
    // Clearing the value lets the same file be chosen again (after an edit on disk).
    event.target.value = '';
    openFiles(files);
  };
  return (
    <>
      <button
        type="button"
        className={primary ? 'button button--primary' : 'button'}
        onClick={() => input.current?.click()}
      >
        {label}
      </button>
      <input
        ref={input}
        type="file"
        multiple
        hidden
        aria-label={folder ? 'Choose a folder to open' : 'Choose files to open'}
        onChange={chosen}
        data-testid={folder ? 'folder-input' : 'file-input'}
      />
    </>
  );
}

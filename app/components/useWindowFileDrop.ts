import { useEffect, useRef, useState } from 'react';
import { droppedFiles } from '../input/droppedFiles';
import type { InputFile } from '../worker/protocol';

/** True when a drag carries files (not text or a link dragged from the page). */
function carriesFiles(event: DragEvent): boolean {
  return event.dataTransfer?.types.includes('Files') ?? false;
}

/**
 * Makes the whole window a drop target for files and folders. Calls `onFiles`
 * with the dropped files (folders walked, paths kept) and `onError` when a
 * folder cannot be walked; returns whether files are being dragged over the
 * page (for the overlay). The browser's default (navigating to the dropped
 * file) is prevented, so a missed target never loses the page.
 */
export function useWindowFileDrop(onFiles: (files: InputFile[]) => void, onError: (message: string) => void): boolean {
  const [dragging, setDragging] = useState(false);
  const latest = useRef({ onFiles, onError });
  useEffect(() => {
    latest.current = { onFiles, onError };
  }, [onFiles, onError]);

  useEffect(() => {
    // dragenter/dragleave fire for every element crossed; counting them tells
    // when the pointer has really left the window.
    let depth = 0;
    const enter = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      event.preventDefault();
      depth++;
      setDragging(true);
    };
    const over = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      event.preventDefault();
      if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
    };
    const leave = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setDragging(false);
    };
    const drop = (event: DragEvent) => {
      if (!carriesFiles(event) || !event.dataTransfer) return;
      event.preventDefault();
      depth = 0;
      setDragging(false);
      droppedFiles(event.dataTransfer).then(
        (files) => files.length > 0 && latest.current.onFiles(files),
        (error: unknown) => latest.current.onError(error instanceof Error ? error.message : String(error)),
      );
    };
    window.addEventListener('dragenter', enter);
    window.addEventListener('dragover', over);
    window.addEventListener('dragleave', leave);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragenter', enter);
      window.removeEventListener('dragover', over);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('drop', drop);
    };
  }, []);

  return dragging;
}

import type { InputFile } from '../worker/protocol';
import { pickedFiles } from './pickedFiles';

/**
 * Shows the browser's file picker from code (the palette's Open commands):
 * a detached file input, clicked while the key press or click that asked
 * for it still counts as a user gesture. `chosen` gets the files, with
 * their paths inside the folder for a folder picker.
 */
export function showFilePicker(folder: boolean, chosen: (files: InputFile[]) => void): void {
  const input = document.createElement('input');
  input.type = 'file';
  input.multiple = true;
  input.webkitdirectory = folder;
  input.addEventListener('change', () => chosen(pickedFiles(input.files)), { once: true });
  input.click();
}

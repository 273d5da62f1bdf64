/**
 * Saves `bytes` as a file named `fileName` through the browser's download
 * (a blob: URL, so nothing leaves the machine).
 */
export function downloadBytes(fileName: string, bytes: Uint8Array<ArrayBuffer>, type: string): void {
  downloadBlob(fileName, new Blob([bytes], { type }));
}

/**
 * Saves a Blob as a file named `fileName` through the browser's download. A
 * Blob made of slices of a user's File is written from that file by the
 * browser, never copied into the page.
 */
export function downloadBlob(fileName: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // The download has taken its reference once click() returns; revoke a little later to be safe.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

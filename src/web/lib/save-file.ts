/**
 * Hands a downloaded file to the browser's own "save" flow (a phone's downloads, a desktop's save
 * dialog). The file was fetched first, so a failure shows as a message on the page instead of the
 * browser navigating to an error.
 */
export function saveFile(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked on the next task: the click has started the download by then.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

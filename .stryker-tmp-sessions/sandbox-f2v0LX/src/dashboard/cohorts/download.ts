/** Hand `text` to the browser's download as `filename` (a Blob URL on a temporary link, revoked after the click). */
// @ts-nocheck

export function downloadText(filename: string, text: string, doc: Document = document): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const link = doc.createElement('a');
  link.href = url;
  link.download = filename;
  doc.body.append(link);
  link.click();
  link.remove();
  // Revoked on the next task: the click has started the download by then.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** A file name from a cohort's name: letters, digits, - and _ kept, the rest dashes. */
export const fileName = (name: string, ext: string): string => `${name.trim().replace(/[^\w-]+/g, '-').replace(/^-+|-+$/g, '') || 'cohorts'}.${ext}`;

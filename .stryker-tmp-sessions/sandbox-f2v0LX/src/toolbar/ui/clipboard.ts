/** What copying needs of `navigator.clipboard` (a parameter, so tests can refuse). */
// @ts-nocheck

export interface ClipboardLike {
  writeText(text: string): Promise<void>;
}

/**
 * Copy `text`; false when the browser refused (no clipboard API, the page's permissions policy
 * blocks `clipboard-write`, the document lost focus): the caller then shows the text to select.
 */
export async function copyText(text: string, clipboard: ClipboardLike | undefined): Promise<boolean> {
  if (!clipboard) return false;
  try {
    await clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

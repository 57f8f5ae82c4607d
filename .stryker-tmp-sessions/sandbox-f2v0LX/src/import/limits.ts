/**
 * Largest item (line, array element, CSV record) a parser keeps in memory: four times the
 * largest event the store accepts (`MAX_EVENT_BYTES`), so a bigger one is certainly rejected and
 * a file with no line breaks at all can never make the import hold the whole file.
 */
// @ts-nocheck

export const MAX_ITEM_CHARS = 1024 * 1024;

export const oversize = (what: string): string => `${what} is over ${MAX_ITEM_CHARS / 1024 / 1024} MB, far over the event size limit`;

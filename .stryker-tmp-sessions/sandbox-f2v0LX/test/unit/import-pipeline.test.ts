// @ts-nocheck
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import type { CaptureEvent } from '../../src/events/types';
import { importEvents, LISTED_REJECTIONS, type BatchAck } from '../../src/import/pipeline';
import type { ImportFormat } from '../../src/import/types';
import { checkIngestBatch } from '../../src/messaging/validate';
import { countEvents, ingestEvents } from '../../src/store/events';
import { openLassoDB, type LassoDatabase } from '../../src/store/schema';
import { generateEvents } from '../fixtures/generate-events';

let db: LassoDatabase;
beforeEach(async () => {
  db = await openLassoDB(new IDBFactory());
});

/** What the background's `store.import` handler does with a batch. */
const storeBatch = async (events: CaptureEvent[]): Promise<BatchAck> => {
  const { valid, rejected } = checkIngestBatch({ events });
  const { stored, duplicates } = await ingestEvents(db, valid);
  return { stored: stored.length, duplicates: duplicates.length, rejected };
};

/** `text` as chunks of `size` characters. */
async function* chunks(text: string, size = 997): AsyncGenerator<string> {
  for (let i = 0; i < text.length; i += size) yield text.slice(i, i + size);
}

const events = generateEvents({ count: 120, seed: 11 });
const jsonl = (list: unknown[]) => list.map((e) => JSON.stringify(e)).join('\n') + '\n';
const storedUuids = async () => (await db.getAllKeys('events')).sort();

describe('importEvents into the store', () => {
  it.each<[ImportFormat, (list: unknown[]) => string]>([
    ['jsonl', jsonl],
    ['json', (list) => JSON.stringify(list, null, 1)],
  ])('%s: imported, duplicates and rejected are exact, with line numbers', async (format, render) => {
    await ingestEvents(db, events.slice(0, 10)); // stored before: duplicates on import
    const bad = { ...events[50], uuid: 'not-a-uuid' };
    const list: unknown[] = [...events.slice(0, 60), bad, events[20], ...events.slice(60)];
    const text = render(list);
    const report = await importEvents(chunks(text), { format, send: storeBatch, batchSize: 25 });
    expect(report).toMatchObject({ imported: 110, duplicates: 11, rejectedTotal: 1, cancelled: false, error: null });
    // JSONL: its own line; JSON: the line of the element's `{`, the one before its first key.
    const line = format === 'jsonl' ? 61 : text.split('\n').findIndex((l) => l.includes('not-a-uuid'));
    expect(report.rejected).toEqual([{ line, reason: 'uuid: not a UUID' }]);
    expect(await storedUuids()).toEqual(events.map((e) => e.uuid).sort());
  });

  it('lists the first rejections and counts them all; the good events are still stored', async () => {
    const lines = [...Array.from({ length: LISTED_REJECTIONS + 20 }, (_, i) => `{"broken": ${i}`), ...events.slice(0, 5).map((e) => JSON.stringify(e))];
    const report = await importEvents(chunks(lines.join('\n')), { format: 'jsonl', send: storeBatch });
    expect(report.rejected).toHaveLength(LISTED_REJECTIONS);
    expect(report.rejected[0]).toEqual({ line: 1, reason: expect.stringMatching(/^not valid JSON/) });
    expect(report.rejectedTotal).toBe(LISTED_REJECTIONS + 20);
    expect(report.imported).toBe(5);
    expect(await countEvents(db)).toBe(5);
  });

  it('rejections the store makes come back with their lines', async () => {
    const send = async (batch: CaptureEvent[]): Promise<BatchAck> => ({ ...(await storeBatch(batch.slice(1))), rejected: [{ uuid: batch[0].uuid, reason: 'refused by the store' }] });
    const report = await importEvents(chunks(jsonl(events.slice(0, 30))), { format: 'jsonl', send, batchSize: 10 });
    expect(report.rejected).toEqual([1, 11, 21].map((line) => ({ line, reason: 'refused by the store' })));
    expect(report.imported).toBe(27);
  });

  it('cancel midway: what the report counts is exactly what is stored, and the rest is not read', async () => {
    const controller = new AbortController();
    let read = 0;
    async function* counted() {
      for await (const chunk of chunks(jsonl(events), 500)) {
        read++;
        yield chunk;
      }
    }
    const report = await importEvents(counted(), {
      format: 'jsonl',
      send: storeBatch,
      batchSize: 20,
      signal: controller.signal,
      onProgress: (p) => {
        if (p.imported >= 40) controller.abort();
      },
    });
    expect(report.cancelled).toBe(true);
    expect(report.imported).toBeGreaterThanOrEqual(40);
    expect(report.imported).toBeLessThan(events.length);
    expect(await countEvents(db)).toBe(report.imported);
    expect(await storedUuids()).toEqual(events.slice(0, report.imported).map((e) => e.uuid).sort());
    expect(read).toBeLessThan(Math.ceil(jsonl(events).length / 500));
  });

  it('a batch the store refuses stops the import; the report says what was stored before it', async () => {
    let calls = 0;
    const send = (batch: CaptureEvent[]) => (++calls === 3 ? Promise.reject(new Error('QuotaExceededError: disk full')) : storeBatch(batch));
    const report = await importEvents(chunks(jsonl(events)), { format: 'jsonl', send, batchSize: 20, inFlight: 1 });
    expect(report.error).toMatch(/nothing of it was stored.*disk full/);
    expect(report.imported).toBe(40);
    expect(await countEvents(db)).toBe(40);
  });

  it('a file that cannot be read to the end: the report says so and counts what was stored', async () => {
    async function* failing() {
      yield jsonl(events.slice(0, 30));
      throw new DOMException('The file changed on disk', 'NotReadableError');
    }
    const report = await importEvents(failing(), { format: 'jsonl', send: storeBatch, batchSize: 20 });
    expect(report.error).toBe('reading the file failed: The file changed on disk');
    expect(report.imported).toBe(20);
    expect(await countEvents(db)).toBe(20);
  });

  it('an already-aborted signal stores nothing', async () => {
    const controller = new AbortController();
    controller.abort();
    const report = await importEvents(chunks(jsonl(events)), { format: 'jsonl', send: storeBatch, signal: controller.signal });
    expect(report).toMatchObject({ imported: 0, cancelled: true });
    expect(await countEvents(db)).toBe(0);
  });
});

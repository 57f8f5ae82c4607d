/**
 * A File (or any Blob) as a stream of decoded text chunks, never whole in memory, counting the
 * bytes read for progress. Breaking out of the iteration cancels the read.
 */
// @ts-nocheck

export async function* blobText(blob: Blob, counter: { bytes: number }): AsyncGenerator<string> {
  const reader = (blob.stream() as ReadableStream<Uint8Array<ArrayBuffer>>).pipeThrough(
    new TransformStream<Uint8Array<ArrayBuffer>, Uint8Array<ArrayBuffer>>({
      transform(chunk, controller) {
        counter.bytes += chunk.byteLength;
        controller.enqueue(chunk);
      },
    }),
  ).pipeThrough(new TextDecoderStream()).getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      yield value;
    }
  } finally {
    await reader.cancel().catch(() => undefined);
  }
}

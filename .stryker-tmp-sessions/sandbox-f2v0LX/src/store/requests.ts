/**
 * Raw IndexedDB requests without idb's per-request promise. In a bulk write most requests'
 * results are not needed (puts, adds), and a listener on every one of them costs an event
 * dispatch into JS each: requests run in the order issued, so awaiting the LAST request of a
 * group is enough to know the whole group is done (an earlier failure aborts the transaction,
 * which fails the last request too).
 */
// @ts-nocheck


/**
 * Requests whose ConstraintError allowConstraintError handled (not every IndexedDB
 * implementation reports preventDefault in the event's `defaultPrevented`).
 */
const refused = new WeakSet<IDBRequest>();

/**
 * Resolves when `request` has succeeded, or failed with a ConstraintError that
 * allowConstraintError (registered earlier: listeners run in order) handled; rejects otherwise.
 */
export function settled(request: IDBRequest): Promise<void> {
  return new Promise((resolve, reject) => {
    request.addEventListener('success', () => resolve());
    request.addEventListener('error', () => (refused.has(request) ? resolve() : reject(request.error)));
  });
}

/** The results of `requests` (issued in one transaction, in order), after the last one succeeds. */
export async function results<T>(requests: IDBRequest<T>[]): Promise<T[]> {
  if (requests.length) await settled(requests[requests.length - 1]);
  return requests.map((r) => r.result);
}

/**
 * Let `request` fail with ConstraintError (a key or unique value already stored) without
 * aborting its transaction: the error is handled here and `onRefused` told. Register before
 * `settled()` on the same request. Any other error still aborts the transaction.
 */
export function allowConstraintError(request: IDBRequest, onRefused: () => void = () => undefined): void {
  request.addEventListener('error', (event) => {
    if (request.error?.name !== 'ConstraintError') return;
    event.preventDefault(); // no abort
    event.stopPropagation(); // the transaction's error listeners (idb's `done`) never see it
    refused.add(request);
    onRefused();
  });
}

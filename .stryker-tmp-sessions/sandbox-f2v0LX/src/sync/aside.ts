// @ts-nocheck
import { buildRequest } from './request';
import { reasonOf, send } from './send';
import type { DeliveryDeps } from './deliver';
import { commitState, getState, listAside, newState, type AsideRow } from './state';
import type { Target } from './types';
import { encodeEvent } from './wire';

/** The set-aside list of a target: view, retry (one request per event, so each gets its own answer), drop. */
export function aside(deps: Omit<DeliveryDeps, 'limits'>) {
  const { db, now } = deps;
  const pick = async (id: string, seqs?: number[]): Promise<AsideRow[]> => {
    const rows = await listAside(db, id, 10_000);
    return seqs ? rows.filter((r) => seqs.includes(r.seq)) : rows;
  };
  return {
    list: (id: string) => listAside(db, id),
    async retry(target: Target, seqs?: number[]): Promise<{ delivered: number; stillRefused: number; gone: number }> {
      let delivered = 0;
      let stillRefused = 0;
      let gone = 0;
      for (const row of await pick(target.id, seqs)) {
        const event = await db.get('events', row.uuid);
        const state = (await getState(db, target.id)) ?? newState(target.id, 0, 0);
        if (!event) {
          gone++;
          await commitState(db, { ...state, setAside: Math.max(0, state.setAside - 1), deletedBeforeDelivery: state.deletedBeforeDelivery + 1 }, [], [[row.target, row.seq]]);
          continue;
        }
        const request = await buildRequest(target, [encodeEvent(target, event)], { sentAt: new Date(now()).toISOString() }, `${event.uuid}.1`);
        const answer = await send(deps.fetch, target, request, now());
        if (answer.verdict === 'ok') {
          delivered++;
          await commitState(db, { ...state, setAside: Math.max(0, state.setAside - 1), delivered: state.delivered + 1, lastSuccess: now() }, [], [[row.target, row.seq]]);
        } else {
          stillRefused++;
          await commitState(db, state, [{ ...row, reason: reasonOf(answer), at: now() }]);
        }
      }
      return { delivered, stillRefused, gone };
    },
    async drop(id: string, seqs?: number[]): Promise<{ dropped: number }> {
      const rows = await pick(id, seqs);
      const state = (await getState(db, id)) ?? newState(id, 0, 0);
      await commitState(db, { ...state, setAside: Math.max(0, state.setAside - rows.length) }, [], rows.map((r) => [r.target, r.seq]));
      return { dropped: rows.length };
    },
  };
}

// @ts-nocheck
import { MessageRejectedError } from '../messaging/validate';
import { isSiteKey } from '../settings/site';
import type { PreviewRequest } from '../messaging/protocol';

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

/**
 * Check a message received on a preview port; throws MessageRejectedError naming the field.
 * The draft's steps themselves are checked by the action compiler (errors carry field paths).
 */
export function checkPreviewRequest(x: unknown): PreviewRequest {
  if (!isObject(x)) throw new MessageRejectedError('preview: message must be an object');
  if (!Number.isSafeInteger(x.id) || (x.id as number) < 0) throw new MessageRejectedError('preview: id must be a non-negative integer');
  const id = x.id as number;
  if (x.type === 'cancel') return { type: 'cancel', id };
  if (x.type !== 'query') throw new MessageRejectedError(`preview: type must be "query" or "cancel", not ${JSON.stringify(x.type)}`);
  const hasDraft = x.action !== undefined;
  const hasId = x.actionId !== undefined;
  if (hasDraft === hasId) throw new MessageRejectedError('preview: send either action (a draft) or actionId (a saved action)');
  if (hasDraft && !isObject(x.action)) throw new MessageRejectedError('action: must be an object with steps');
  if (hasId && (typeof x.actionId !== 'string' || x.actionId.length > 64)) throw new MessageRejectedError('actionId: expected an action id');
  if (x.site !== undefined && x.site !== null && !isSiteKey(x.site)) throw new MessageRejectedError('site: expected a site (host and port, lower case, e.g. localhost:3000) or null');
  if (x.now !== undefined && (typeof x.now !== 'number' || !Number.isFinite(x.now))) throw new MessageRejectedError('now: expected a time in ms');
  if (x.tzOffsetMinutes !== undefined && (!Number.isInteger(x.tzOffsetMinutes) || Math.abs(x.tzOffsetMinutes as number) > 14 * 60))
    throw new MessageRejectedError('tzOffsetMinutes: expected whole minutes between -840 and 840');
  if (x.latest !== undefined && (!Number.isInteger(x.latest) || (x.latest as number) < 1 || (x.latest as number) > 200))
    throw new MessageRejectedError('latest: expected an integer between 1 and 200');
  return {
    type: 'query',
    id,
    ...(hasDraft ? { action: x.action as { steps: never[] } } : { actionId: x.actionId as string }),
    site: (x.site as string | null | undefined) ?? null,
    now: x.now as number | undefined,
    tzOffsetMinutes: x.tzOffsetMinutes as number | undefined,
    latest: x.latest as number | undefined,
  };
}

/**
 * Firefox's built-in data-collection consent for sync. Lasso collects nothing by default
 * (`required: ['none']` in wxt.config.ts); a sync target transmits what capture recorded — the
 * pages visited, the clicks and inputs on them, element text — so adding one asks for these
 * optional categories, and delivery stops while they are withdrawn (about:addons → Permissions).
 * Chrome has no such consent: there the origin permission is the whole request.
 */
// @ts-nocheck

export const SYNC_DATA_COLLECTION = ['browsingActivity', 'websiteActivity', 'websiteContent'];

/** What a permissions request may carry (Firefox adds `data_collection`). */
export interface PermissionsRequest {
  origins?: string[];
  data_collection?: string[];
}

/** The permissions to ask for in the click that adds or imports targets sending to `origins`; null when none are needed. */
export function syncPermissions(origins: string[], firefox: boolean): PermissionsRequest | null {
  const request: PermissionsRequest = {
    ...(origins.length ? { origins } : {}),
    ...(firefox ? { data_collection: SYNC_DATA_COLLECTION } : {}),
  };
  return Object.keys(request).length ? request : null;
}

/** What the options page says when the browser refused `request`. Nothing was saved then. */
export function refusedPermissions(request: PermissionsRequest): string {
  const parts = [
    ...(request.origins?.length ? [`access to ${request.origins.join(', ')} to send events there`] : []),
    ...(request.data_collection ? ["Firefox's permission to send browsing and website activity to the targets you choose"] : []),
  ];
  return `Lasso needs ${parts.join(' and ')}. Nothing was saved.`;
}

/** The last error a target shows while Firefox's consent is withdrawn. */
export const CONSENT_WITHDRAWN =
  "Firefox's permission to send browsing and website activity is off (about:addons → Lasso → Permissions): nothing is sent until it is on again";

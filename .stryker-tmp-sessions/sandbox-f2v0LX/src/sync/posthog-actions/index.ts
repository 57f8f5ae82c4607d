/** Actions ⇄ PostHog: client, mapping, diff, connection, service. */
// @ts-nocheck

export { createPhActionsClient, actionsUrl, PhApiError, errorOf, type PhConnection, type RemoteAction, type PhFetch } from './client';
export { diffActions, diffHash, type DiffRow, type DiffOp } from './diff';
export { pulledImportText, pushPayload, remotePayload } from './mapping';
export { loadConnection, saveConnection, PhConnectionError, PH_APP_HOSTS, type PhConnectionView, type PhConnectionInput } from './connection';
export { createPhActions, StaleDiffError, type PhActionsService, type PhDiff, type PushResult } from './service';

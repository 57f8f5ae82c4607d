/**
 * Sync targets (issue 13): where the local store's events are delivered. Secrets (API keys,
 * write keys, webhook header values and signing secret) live only in `browser.storage.local`
 * inside these records; what leaves the background is a `TargetView` without them.
 */
// @ts-nocheck

export type TargetKind = 'posthog' | 'segment' | 'webhook';

/** Filters and switches every target has. */
export interface TargetCommon {
  id: string;
  kind: TargetKind;
  /** The user's label. */
  name: string;
  /** Sites (`$host`, with port) whose events go; empty: every site. */
  sites: string[];
  /** Saved action ids: only events matching one of them go; empty: all events. */
  actions: string[];
  /**
   * Cohort ids: only events of a person who is a member of one of them when the event is
   * delivered go (any of the person's distinct ids); empty: everyone. Older targets lack it.
   */
  cohorts?: string[];
  /** `backfill`: every stored event; `now`: only events stored after the target was added. */
  start: 'backfill' | 'now';
  /** Switched off by the user, or by the sync after a 401/403 (`pausedReason` says why). */
  paused: boolean;
  pausedReason?: string;
}

export interface PostHogTarget extends TargetCommon {
  kind: 'posthog';
  /** Capture host, e.g. https://us.i.posthog.com (no path). */
  host: string;
  /** Project API key (phc_…). Secret. */
  apiKey: string;
}

export interface SegmentTarget extends TargetCommon {
  kind: 'segment';
  /** e.g. https://api.segment.io; RudderStack data plane or Jitsu host work the same. */
  host: string;
  /** Write key. Secret. */
  writeKey: string;
}

export interface WebhookHeader {
  name: string;
  /** Secret (may be an Authorization value). */
  value: string;
}

export interface WebhookTarget extends TargetCommon {
  kind: 'webhook';
  url: string;
  headers: WebhookHeader[];
  format: 'json' | 'ndjson';
  gzip: boolean;
  /** HMAC-SHA256 key for `X-Lasso-Signature`; empty: unsigned. Secret. */
  secret: string;
}

export type Target = PostHogTarget | SegmentTarget | WebhookTarget;

/** A target as the options page sees it: secrets left out, only whether each is set. */
export interface TargetView extends TargetCommon {
  /** Capture host or webhook URL. */
  endpoint: string;
  /** Webhook only. */
  format?: 'json' | 'ndjson';
  gzip?: boolean;
  /** Header names (values are secret). */
  headerNames?: string[];
  /** Whether the key / write key / signing secret is set. */
  hasKey: boolean;
  hasSecret?: boolean;
}

/** What a caller saves: new (no id) or an update; a blank secret on an update keeps the stored one. */
export type TargetInput = Partial<Omit<PostHogTarget, 'kind'>> &
  Partial<Omit<SegmentTarget, 'kind'>> &
  Partial<Omit<WebhookTarget, 'kind'>> & { kind: TargetKind; hostPreset?: 'us' | 'eu' | 'custom' };

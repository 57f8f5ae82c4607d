// @ts-nocheck
import type { CaptureEvent } from '../events/types';
import { uuidv7 } from '../events/uuid';
import type { CaptureContext } from '../messaging/protocol';
import { autocaptureProperties, createClickTargetRecovery, createRageclickDetector, rageclickAllowed } from './autocapture';
import { isNewPage, watchUrl } from './navigation';
import { Outbox, type OutboxAck } from './outbox';
import { limitEvent } from './limits';
import { asSeenIdentity, identifyJoins, nextSeen, type SeenIdentity } from './identify';
import { personInfoOf, setOnceProperties, type PersonInfo } from './person-props';
import { createPosthogIdReader, type PosthogIds } from './posthog-ids';
import { standardProperties } from './properties';
import { RATE_LIMIT_WARNING_EVENT, RateLimiter, type RateLimitConfig } from './rate-limit';
import { nextSession, type SessionState } from './session';

/** Where the capture session of a site is shared between its tabs. */
export interface SessionStore {
  load(): Promise<SessionState | null>;
  save(session: SessionState): void;
  /** Another tab changed the session. */
  watch(onChange: (session: SessionState | null) => void, signal: AbortSignal): void;
}

/** A site's person bookkeeping, shared by its tabs (extension storage; memory in tests). */
export interface PersonStore {
  /** Where this browser first arrived on the site: the saved one, or `here` (then saved: register-once). */
  initialInfo(here: PersonInfo): Promise<PersonInfo>;
  /** The ids the site's events last carried (identify.ts). */
  loadSeen(): Promise<SeenIdentity | null>;
  saveSeen(seen: SeenIdentity): void;
  /** Is the site's own PostHog traffic stored (settings `pageTraffic`)? Then its `$identify` arrives that way. */
  pageTrafficStored(): boolean;
}

/** Person bookkeeping in memory (one page's life). */
export function memoryPersonStore(pageTrafficStored = () => false): PersonStore {
  let initial: PersonInfo | null = null;
  let seen: SeenIdentity | null = null;
  return {
    initialInfo: async (here) => (initial ??= here),
    loadSeen: async () => seen,
    saveSeen: (s) => void (seen = asSeenIdentity(s)),
    pageTrafficStored,
  };
}

export interface CaptureEnv {
  win: Window;
  context: CaptureContext;
  sessions: SessionStore;
  /** Initial person properties and identify bookkeeping; memory when not given. */
  persons?: PersonStore;
  send(events: CaptureEvent[]): Promise<OutboxAck>;
  signal: AbortSignal;
  now?: () => number;
  /** posthog-js's defaults unless given (benchmarks lift it to time every click's full path). */
  rateLimit?: RateLimitConfig;
}

/** Persist last-activity at most this often: enough for the 30-minute idle rule. */
const SESSION_WRITE_MS = 5000;

/**
 * Autocapture on one page (one frame): `$pageview` on load and same-document navigations,
 * `$autocapture` for clicks / changes / submits, `$rageclick`, `$pageleave`. Like posthog-js,
 * events the page's scripts dispatch (`isTrusted` false) count as well, and every event passes
 * posthog-js's client rate limit (see rate-limit.ts) — the page's scripts cannot flood the store.
 * Every listener is owned by `env.signal`. Returns the outbox (tests and pagehide flush it).
 */
export async function startCapture(env: CaptureEnv): Promise<Outbox> {
  const { win, context, signal } = env;
  const now = env.now ?? Date.now;
  // The outbox drops the oldest only when the background was unreachable for thousands of events; it says so.
  const outbox = new Outbox({
    send: env.send,
    signal,
    warning: (dropped) => build(RATE_LIMIT_WARNING_EVENT, {
      $$client_ingestion_warning_message: `lasso outbox full: ${dropped} event(s) dropped (oldest first) while the extension could not store them, on ${win.location.origin}${win.location.pathname}.`,
    }),
  });
  const posthogIds = createPosthogIdReader(win);
  const rage = createRageclickDetector();
  const persons = env.persons ?? memoryPersonStore();
  // Read together: the page's listeners are attached only after these, and a click before then is not seen.
  const [loaded, ownInitial, seenBefore] = await Promise.all([
    env.sessions.load(),
    persons.initialInfo(personInfoOf(win.location.href, win.document.referrer)),
    persons.loadSeen(),
  ]);
  let session = loaded;
  let seen = seenBefore;
  let savedAt = 0;
  env.sessions.watch((s) => (session = s), signal);
  let pageview: { id: string; pathname: string; at: number } | null = null;
  // posthog-js sends its `$set_once` once per page load (with every `$identify` as well).
  let setOnceSent = false;
  const setOnce = (ph: PosthogIds) => setOnceProperties(ph.initialInfo ?? ownInitial, ph.sessionEntry ?? session?.entry);

  const limiter = new RateLimiter(now, env.rateLimit);

  const build = (event: string, extra: Record<string, unknown>, ph: PosthogIds = posthogIds()): CaptureEvent => {
    const t = now();
    const next = nextSession(session, t, () => uuidv7(t));
    session = next.rotated ? { ...next.session, entry: personInfoOf(win.location.href, win.document.referrer) } : next.session;
    if (next.rotated || t - savedAt > SESSION_WRITE_MS) {
      savedAt = t;
      env.sessions.save(session);
    }
    const uuid = uuidv7(t);
    if (event === '$identify' || (!setOnceSent && event !== RATE_LIMIT_WARNING_EVENT)) {
      setOnceSent = true;
      extra = { ...extra, $set_once: setOnce(ph) };
    }
    return limitEvent({
      uuid,
      event,
      distinct_id: ph.distinctId ?? context.distinctId,
      timestamp: new Date(t).toISOString(),
      properties: {
        ...standardProperties(win, t),
        $device_id: ph.deviceId ?? context.deviceId,
        $session_id: ph.sessionId ?? session.id,
        $window_id: ph.windowId ?? context.windowId,
        $pageview_id: event === '$pageview' ? uuid : pageview?.id,
        $insert_id: uuid,
        ...extra,
        // Lasso's own per-tab window (the page may choose `$window_id`): what tab lookups use.
        $lasso_window_id: context.windowId,
      },
    });
  };

  /**
   * The ids this event will carry; when the page's posthog-js just identified its user, first an
   * `$identify` per anonymous id Lasso's events carried (identify.ts), as posthog-js sends it.
   */
  const identity = (): PosthogIds => {
    const ph = posthogIds();
    const current: SeenIdentity = ph.distinctId
      ? { distinctId: ph.distinctId, identified: !!ph.identified, own: false }
      : { distinctId: context.distinctId, identified: false, own: true };
    const joins = identifyJoins(seen, current, persons.pageTrafficStored());
    const after = nextSeen(seen, current);
    if (JSON.stringify(after) !== JSON.stringify(seen)) persons.saveSeen((seen = after));
    for (const anon of joins) admit('$identify', { $anon_distinct_id: anon }, ph);
    return ph;
  };

  /** The event as captured, or null when the rate limit dropped it (then nothing else changes, as in posthog-js). */
  const capture = (event: string, extra: Record<string, unknown>): CaptureEvent | null => admit(event, extra, identity());

  const admit = (event: string, extra: Record<string, unknown>, ph: PosthogIds): CaptureEvent | null => {
    const gate = limiter.take();
    if (gate.limited) {
      if (gate.warnDropped) {
        const warning = build(RATE_LIMIT_WARNING_EVENT, {});
        const page = win.location.origin + win.location.pathname;
        warning.properties.$$client_ingestion_warning_message =
          limiter.warningMessage(gate.warnDropped, page, String(warning.properties.$session_id));
        outbox.enqueue(warning);
      }
      return null;
    }
    const captured = build(event, { ...extra, $lib_rate_limit_remaining_tokens: gate.remainingTokens }, ph);
    outbox.enqueue(captured);
    return captured;
  };

  const previous = (t: number) =>
    pageview
      ? {
          $prev_pageview_id: pageview.id,
          $prev_pageview_pathname: pageview.pathname,
          $prev_pageview_duration: Math.round((t - pageview.at) / 10) / 100,
        }
      : {};
  const capturePageview = () => {
    const t = now();
    const e = capture('$pageview', { title: win.document.title, ...previous(t) });
    if (e) pageview = { id: e.uuid, pathname: win.location.pathname, at: t };
  };

  // posthog-js credits a click that lands on <html>/<body> (the DOM changed under the pointer)
  // to the element that was pressed; it needs to see the press.
  const recovery = createClickTargetRecovery();
  for (const type of ['pointerdown', 'pointermove', 'pointerup', 'pointercancel'] as const) {
    win.document.addEventListener(type, (e) => recovery.track(e), { capture: true, passive: true, signal });
  }
  win.addEventListener('blur', (e) => recovery.track(e), { signal });

  const onDomEvent = (type: 'click' | 'change' | 'submit') => (e: Event) => {
    // No isTrusted check: posthog-js captures script-dispatched events too (element.click() of a
    // custom control, a re-dispatched change, requestSubmit()), so counts agree with PostHog's.
    let target: Element | null | undefined;
    if (type === 'click') {
      target = recovery.recover(e as MouseEvent);
      if (target === null) return;
    }
    const props = autocaptureProperties(e, type, target ?? undefined);
    if (type === 'click') {
      // As posthog-js: every mouse click (not a plain Event a script made) feeds the detector; the
      // third fast click nearby is a rage click.
      const { clientX, clientY } = e as MouseEvent;
      if (typeof clientX === 'number' && rage.isRageClick(clientX, clientY, now()) && props && rageclickAllowed(e)) capture('$rageclick', props);
    }
    if (props) capture('$autocapture', props);
  };
  for (const type of ['click', 'change', 'submit'] as const) {
    win.document.addEventListener(type, onDomEvent(type), { capture: true, passive: true, signal });
  }

  let url = win.location.href;
  watchUrl(win, (href) => {
    const changed = isNewPage(url, href);
    url = href;
    if (changed) capturePageview();
  }, signal);
  win.addEventListener('pagehide', () => {
    if (pageview) capture('$pageleave', previous(now()));
    void outbox.flush();
  }, { signal });

  capturePageview();
  return outbox;
}

// @ts-nocheck
import { useEffect, useRef, useState } from 'preact/hooks';
import { selectorCandidates } from '../../selectors';
import { startInspect } from '../inspect/inspect';
import { elementLabel } from '../inspect/label';
import type { Mounted } from '../mount';
import type { Overlay } from '../overlay/overlay';

/** The best selector goes into the hover label once the pointer rests this long (it costs a few ms). */
const LABEL_REST_MS = 150;

interface Options {
  on: boolean;
  win: Window;
  mounted: Mounted;
  overlay: Overlay;
  onPick(target: Element, pointed: Element): void;
  onExit(): void;
}

const overlaps = (a: DOMRect, b: DOMRect) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

/**
 * Inspect mode while `on`: the hover box with a label (tag, then the best selector once the
 * pointer rests, and the size), picking, keyboard walking. Returns whether the hovered element is
 * under the panel, so the panel turns see-through instead of hiding it.
 */
export function useInspect({ on, win, mounted, overlay, onPick, onExit }: Options): boolean {
  const [ghost, setGhost] = useState(false);
  const callbacks = useRef({ onPick, onExit });
  callbacks.current = { onPick, onExit };
  useEffect(() => {
    if (!on) return;
    const controller = new AbortController();
    let rest: ReturnType<typeof setTimeout> | undefined;
    const panel = () => mounted.shadow.querySelector('.lasso-panel');
    // Keys go to the page while inspecting (arrows, Enter, Esc), not to the button that started it.
    (mounted.shadow.activeElement as HTMLElement | null)?.blur();
    startInspect({
      win,
      signal: controller.signal,
      isOwnUi: mounted.isOwnUi,
      onHover(target) {
        clearTimeout(rest);
        // Read (panel and target rects) before the highlight writes its styles: no forced layout.
        const box = target ? panel()?.getBoundingClientRect() : undefined;
        setGhost(!!target && !!box && overlaps(overlay.rectOf(target), box));
        overlay.highlight(target, target ? elementLabel(target) : undefined);
        if (!target) return;
        rest = setTimeout(() => {
          if (controller.signal.aborted) return;
          const [best] = selectorCandidates(target);
          if (best) overlay.highlight(target, best.kind === 'text' ? `${best.selector} "${best.text}"` : best.selector);
        }, LABEL_REST_MS);
      },
      onPick: (target, pointed) => callbacks.current.onPick(target, pointed),
      onExit: () => callbacks.current.onExit(),
    });
    return () => {
      clearTimeout(rest);
      controller.abort();
      overlay.highlight(null);
      setGhost(false);
    };
  }, [on, win, mounted, overlay]);
  return ghost;
}

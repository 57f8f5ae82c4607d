// @ts-nocheck
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { NewActionStart } from '../draft';

interface Props {
  onPick(): void;
  onStart(start: NewActionStart): void;
}

const ITEMS: { id: 'pick' | NewActionStart; label: string }[] = [
  { id: 'pick', label: 'Pick an element' },
  { id: 'pageview', label: 'Page view' },
  { id: 'event', label: 'Custom event' },
];

/**
 * "New action": a small menu — pick an element on the page, or start a page-view or a custom-event
 * action without picking. Keyboard: Enter / Space opens it on its first item, arrows move, Esc closes.
 */
export function NewActionMenu({ onPick, onStart }: Props) {
  const [open, setOpen] = useState(false);
  const menu = useRef<HTMLDivElement>(null);
  const trigger = useRef<HTMLButtonElement>(null);
  // Before the browser paints (and handles the next key): arrows right after Enter land in the menu.
  useLayoutEffect(() => {
    if (open) menu.current?.querySelector<HTMLButtonElement>('[role="menuitem"]')?.focus();
  }, [open]);
  const close = () => {
    setOpen(false);
    trigger.current?.focus();
  };
  const choose = (id: 'pick' | NewActionStart) => {
    setOpen(false);
    if (id === 'pick') onPick();
    else onStart(id);
  };
  const onKeyDown = (e: KeyboardEvent) => {
    const items = [...(menu.current?.querySelectorAll<HTMLButtonElement>('[role="menuitem"]') ?? [])];
    const at = items.indexOf(e.target as HTMLButtonElement);
    if (e.key === 'Escape') close();
    else if (e.key === 'ArrowDown') items[(at + 1) % items.length]?.focus();
    else if (e.key === 'ArrowUp') items[(at - 1 + items.length) % items.length]?.focus();
    else return;
    e.preventDefault();
  };
  return (
    <div
      class="lasso-menu-wrap"
      // Focus leaving the menu (a click elsewhere, Tab past it) closes it.
      onFocusOut={(e) => !(e.currentTarget as HTMLElement).contains(e.relatedTarget as Node | null) && setOpen(false)}
    >
      <button type="button" ref={trigger} class="lasso-primary" data-testid="new-action-menu" aria-haspopup="menu" aria-expanded={open} onClick={() => setOpen(!open)}>
        New action ▾
      </button>
      {open && (
        <div ref={menu} class="lasso-menu" role="menu" aria-label="New action" onKeyDown={onKeyDown}>
          {ITEMS.map((item) => (
            <button key={item.id} type="button" role="menuitem" data-testid={`new-${item.id}`} onClick={() => choose(item.id)}>
              {item.label}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}

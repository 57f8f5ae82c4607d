// @ts-nocheck
import { parseElementsChain } from '../../events/elements-chain';
import type { ChainElement } from '../../events/types';

/** One element as a short CSS-like label: `button#buy.btn.primary` (pure). */
export function elementLabel(el: ChainElement): string {
  const id = el.attr_id ? `#${el.attr_id}` : '';
  return `${el.tag_name || '?'}${id}${el.attr_class.map((c) => `.${c}`).join('')}`;
}

/**
 * The `$elements_chain` as a breadcrumb from the outermost element to the one acted on (the chain
 * lists it first), then the acted-on element's text, link and attributes. A chain that cannot be
 * read is shown as it was stored, with the reason.
 */
export function ElementChain({ chain }: { chain: string }) {
  let elements: ChainElement[];
  try {
    elements = parseElementsChain(chain);
  } catch (error) {
    return (
      <p class="error" data-testid="chain-error">
        The element chain could not be read ({error instanceof Error ? error.message : String(error)}): <code>{chain}</code>
      </p>
    );
  }
  if (!elements.length) return <p class="muted">This event has an empty element chain.</p>;
  const path = [...elements].reverse();
  const target = elements[0];
  return (
    <>
      <nav aria-label="Element chain" class="breadcrumb" data-testid="chain-breadcrumb">
        <ol>
          {path.map((el, i) => (
            <li key={i} aria-current={i === path.length - 1 ? 'true' : undefined} data-testid="chain-element">
              <code>{elementLabel(el)}</code>
            </li>
          ))}
        </ol>
      </nav>
      <dl class="props" data-testid="chain-target">
        {target.text !== undefined && <Row k="text" v={target.text} />}
        {target.href !== undefined && <Row k="href" v={target.href} />}
        {target.nth_child !== undefined && <Row k="nth-child" v={String(target.nth_child)} />}
        {target.nth_of_type !== undefined && <Row k="nth-of-type" v={String(target.nth_of_type)} />}
        {Object.keys(target.attributes)
          .sort()
          .map((k) => (
            <Row key={k} k={k.replace(/^attr__/, '')} v={target.attributes[k]} />
          ))}
      </dl>
    </>
  );
}

function Row({ k, v }: { k: string; v: string }) {
  return (
    <div>
      <dt>{k}</dt>
      <dd>{v}</dd>
    </div>
  );
}

import { h } from './dom';
import { PREVIEW } from './texts';

/**
 * One row of tabs, whatever the pane's width: the tabs that fit are shown, the rest go into a "More" menu at the
 * row's end (the menu's button takes the chosen tab's name when that tab is in it). Refitted when the pane is
 * resized, so ten tables never wrap into five rows.
 */
export function tabStrip(names: readonly string[], onSelect: (index: number) => void): HTMLElement {
  let selected = 0;
  let hidden: number[] = [];
  const tabs = names.map((name, i) =>
    h(
      'button',
      {
        class: 'tab',
        attrs: {
          type: 'button',
          role: 'tab',
          'aria-selected': i === 0 ? 'true' : 'false',
          'data-tab': name,
        },
        on: { click: () => choose(i) },
      },
      name,
    ),
  );
  const menu = h('div', {
    class: 'tab-menu',
    attrs: { role: 'menu', hidden: true, 'data-testid': 'tab-menu' },
  });
  const more = h(
    'button',
    {
      class: 'tab more',
      attrs: { type: 'button', 'aria-haspopup': 'menu', 'aria-expanded': 'false', 'data-testid': 'tab-more' },
      on: { click: () => toggle(menu.hidden) },
    },
    PREVIEW.more,
  );
  const list = h('div', { class: 'tab-list', attrs: { role: 'tablist' } }, ...tabs);
  const strip = h(
    'div',
    {
      class: 'tabs',
      on: {
        keydown: (event) => {
          if (event.key === 'Escape' && !menu.hidden) {
            toggle(false);
            more.focus();
          }
        },
      },
    },
    list,
    h(
      'div',
      {
        class: 'tab-more-wrap',
        on: {
          // Focus leaving the menu (a click elsewhere, Tab past it) closes it.
          focusout: (event) => {
            const next = event.relatedTarget;
            if (!(next instanceof Node) || !more.parentElement?.contains(next)) toggle(false);
          },
        },
      },
      more,
      menu,
    ),
  );

  const toggle = (open: boolean) => {
    menu.hidden = !open;
    more.setAttribute('aria-expanded', String(open));
    if (open) (menu.querySelector('button') as HTMLButtonElement | null)?.focus();
  };
  const choose = (i: number) => {
    selected = i;
    tabs.forEach((t, j) => t.setAttribute('aria-selected', String(i === j)));
    toggle(false);
    fit();
    onSelect(i);
  };
  const label = () => {
    const inMenu = hidden.includes(selected);
    more.textContent = inMenu ? `${names[selected] ?? ''} ▾` : `${PREVIEW.more} ▾`;
    more.classList.toggle('chosen', inMenu);
    more.setAttribute(
      'aria-label',
      inMenu
        ? `${names[selected] ?? ''}; ${PREVIEW.moreLabel(hidden.length)}`
        : PREVIEW.moreLabel(hidden.length),
    );
  };

  const fit = () => {
    const width = strip.clientWidth;
    if (width === 0) return;
    tabs.forEach((t) => (t.hidden = false));
    more.parentElement?.removeAttribute('hidden');
    const widths = tabs.map((t) => t.offsetWidth);
    const total = widths.reduce((a, b) => a + b, 0);
    hidden = [];
    if (total > width) {
      const room = width - (more.parentElement?.offsetWidth ?? 90);
      let used = 0;
      widths.forEach((w, i) => {
        used += w;
        if (used > room) hidden.push(i);
      });
    }
    hidden.forEach((i) => ((tabs[i] as HTMLElement).hidden = true));
    (more.parentElement as HTMLElement).hidden = hidden.length === 0;
    menu.replaceChildren(
      ...hidden.map((i) =>
        h(
          'button',
          {
            class: 'menu-item',
            attrs: { type: 'button', role: 'menuitemradio', 'aria-checked': String(i === selected) },
            on: { click: () => choose(i) },
          },
          names[i] ?? '',
        ),
      ),
    );
    label();
  };
  new ResizeObserver(() => fit()).observe(strip);
  return strip;
}

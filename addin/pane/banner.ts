import { h } from './dom';
import type { BannerModel } from './bannerModel';
import { BANNER } from './texts';

/** The banner on the page: an alert when there are errors, a status otherwise. */
export function bannerView(model: BannerModel): HTMLElement {
  const [lead, ...rest] = model.lines;
  const hasList = model.tone === 'error' && lead === BANNER.affects;
  return h(
    'section',
    {
      class: `banner ${model.tone}`,
      attrs: {
        'data-testid': 'banner',
        // An error is announced as soon as it appears; anything else waits its turn.
        role: model.tone === 'error' ? 'alert' : 'status',
      },
    },
    h('p', { class: 'banner-title' }, model.title),
    hasList
      ? h(
          'div',
          null,
          h('p', { class: 'banner-lead' }, lead),
          h('ul', null, ...rest.map((line) => h('li', null, line))),
        )
      : model.lines.length > 0
        ? h('ul', null, ...model.lines.map((line) => h('li', null, line)))
        : null,
  );
}

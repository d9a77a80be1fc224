import { h } from './dom';

/** A thin progress bar with a line saying what is happening; indeterminate when the share is unknown. */
export interface Progress {
  element: HTMLElement;
  /** `share` in 0..1, or null while waiting on something that does not say how far it is (the engine). */
  update(label: string, share: number | null): void;
  done(): void;
}

export function progressView(): Progress {
  const bar = h('div', { class: 'bar' });
  const label = h('span', { class: 'progress-label' });
  const track = h('div', {
    class: 'track',
    attrs: { role: 'progressbar', 'aria-valuemin': '0', 'aria-valuemax': '100' },
  });
  track.appendChild(bar);
  const element = h(
    'div',
    { class: 'progress', attrs: { hidden: true, 'aria-live': 'polite' } },
    label,
    track,
  );
  return {
    element,
    update(text, share) {
      element.hidden = false;
      label.textContent = text;
      track.classList.toggle('indeterminate', share === null);
      if (share === null) {
        track.removeAttribute('aria-valuenow');
        bar.style.width = '';
      } else {
        const percent = Math.round(Math.min(1, Math.max(0, share)) * 100);
        track.setAttribute('aria-valuenow', String(percent));
        bar.style.width = `${percent}%`;
      }
    },
    done() {
      element.hidden = true;
    },
  };
}

import { h, show } from './dom';
import { engineClient, type EngineClient } from './engineClient';
import { progressView, type Progress } from './progressView';
import { apiRoot, checkEngineUrl, loadEngineUrl, saveEngineUrl } from './settings';

/**
 * The frame both modes share: the masthead, a place for the mode's own controls, progress, a status line,
 * the results, and at the foot the engine's address with a way to change it.
 */
export interface Shell {
  controls: HTMLElement;
  progress: Progress;
  results: HTMLElement;
  /** A line saying what just happened; `error` when the run ended with errors, so it never reads as success. */
  status(text: string, tone?: 'ok' | 'error'): void;
  /**
   * Something went wrong: said plainly, where the results would be. With a heading (the problem in a few words
   * and the file it concerns), the message follows it once.
   */
  fail(message: string | Failure, ...more: (HTMLElement | null)[]): void;
  /** Runs one job at a time, with every button of the pane disabled meanwhile. */
  busy(job: () => Promise<void>): Promise<void>;
  engine(): EngineClient;
}

export interface Failure {
  heading: string;
  message: string;
}

export function mountShell(root: HTMLElement, lead: string, storage: Storage | null): Shell {
  const controls = h('div', { class: 'controls' });
  const progress = progressView();
  const statusLine = h('p', { class: 'status', attrs: { role: 'status', 'data-testid': 'status' } });
  const results = h('div', { class: 'results' });
  const origin = window.location.origin;
  let setting = loadEngineUrl(storage);

  const where = h('span', { class: 'engine-where' });
  const input = h('input', {
    attrs: { type: 'url', id: 'engine-url', placeholder: origin, spellcheck: 'false', autocomplete: 'off' },
  });
  const hint = h('p', { class: 'hint', attrs: { id: 'engine-hint' } });
  const form = h(
    'form',
    {
      class: 'engine-form',
      attrs: { hidden: true },
      on: {
        submit: (event) => {
          event.preventDefault();
          const checked = checkEngineUrl(input.value);
          if (!checked.ok) {
            hint.textContent = checked.message;
            return;
          }
          setting = checked.url;
          saveEngineUrl(storage, setting);
          form.hidden = true;
          describe();
        },
      },
    },
    h('label', { attrs: { for: 'engine-url' } }, 'Engine address'),
    input,
    hint,
    h(
      'div',
      { class: 'row' },
      h('button', { class: 'primary small', attrs: { type: 'submit' } }, 'Save'),
      h(
        'button',
        { class: 'small', attrs: { type: 'button' }, on: { click: () => (form.hidden = true) } },
        'Cancel',
      ),
    ),
  );
  const describe = () => {
    where.textContent = setting === '' ? 'this server' : setting;
    input.value = setting;
    hint.textContent = 'Leave blank to use the server this pane came from.';
  };
  describe();

  show(
    root,
    h(
      'header',
      { class: 'masthead' },
      h('img', { attrs: { src: 'assets/icon-32.png', alt: '', width: '24', height: '24' } }),
      h('div', null, h('h1', null, 'Throughline'), h('p', null, 'Budget to results')),
    ),
    h('main', null, h('p', { class: 'lead' }, lead), controls, progress.element, statusLine, results),
    h(
      'footer',
      null,
      h('span', null, 'Engine: ', where),
      h(
        'button',
        { class: 'link', attrs: { type: 'button' }, on: { click: () => (form.hidden = !form.hidden) } },
        'Change',
      ),
      form,
    ),
  );

  let running = false;
  return {
    controls,
    progress,
    results,
    status: (text, tone = 'ok') => {
      statusLine.textContent = text;
      statusLine.classList.toggle('error', tone === 'error');
    },
    fail: (failure, ...more) => {
      progress.done();
      statusLine.textContent = '';
      statusLine.classList.remove('error');
      const box =
        typeof failure === 'string'
          ? h('div', { class: 'error-box', attrs: { role: 'alert', 'data-testid': 'failure' } }, failure)
          : h(
              'div',
              { class: 'error-box', attrs: { role: 'alert', 'data-testid': 'failure' } },
              h('p', { class: 'error-heading' }, failure.heading),
              h('p', null, failure.message),
            );
      show(results, box, ...more);
    },
    async busy(job) {
      if (running) return;
      running = true;
      // Buttons get aria-disabled, not disabled: a focused button that is disabled drops its focus, and the
      // browser then puts focus (and the scroll position) somewhere the user did not ask for. Clicks that
      // come meanwhile are ignored by the `running` check above.
      const buttons = [...root.querySelectorAll('button, label.button')];
      const files = [...root.querySelectorAll('input[type=file]')] as HTMLInputElement[];
      buttons.forEach((b) => b.setAttribute('aria-disabled', 'true'));
      files.forEach((f) => (f.disabled = true));
      try {
        await job();
      } finally {
        buttons.forEach((b) => b.removeAttribute('aria-disabled'));
        files.forEach((f) => (f.disabled = false));
        running = false;
      }
    },
    engine: () => engineClient(apiRoot(setting, origin)),
  };
}

export function seconds(since: number): string {
  return `${((performance.now() - since) / 1000).toFixed(1)} s`;
}

import { issueLocation, type Issue, type Severity } from '../../models';
import { h, show } from './dom';
import { issueEntries, type IssueEntry } from './issueRuns';
import { GROUP_OPEN, groupLabel } from './texts';

const SHOWN_AT_ONCE = 200;
const LABEL: Record<Severity, string> = { error: 'Error', warning: 'Warning', info: 'Note' };
const FILTERS = ['all', 'error', 'warning', 'info'] as const;
type Filter = (typeof FILTERS)[number];

/**
 * The issue list: severity, message and place. With `onSelect` (inside Excel), the place is a button that
 * goes to the cell; in the browser it is shown as text. Issues of one kind that come three or more times are one
 * collapsed group ("16 Budget lines with no Crosswalk row"), opened on demand. Long lists come 200 at a time.
 */
export function issuesView(
  issues: readonly Issue[],
  onSelect?: (issue: Issue) => Promise<string | null>,
): HTMLElement {
  const list = h('ol', { class: 'issues', attrs: { 'data-testid': 'issues' } });
  const notice = h('p', { class: 'notice', attrs: { role: 'status' } });
  let filter: Filter = 'all';
  let limit = SHOWN_AT_ONCE;

  const filters = FILTERS.map((f) => {
    const count = f === 'all' ? issues.length : issues.filter((i) => i.severity === f).length;
    const button = h(
      'button',
      {
        class: 'chip',
        attrs: { type: 'button', 'aria-pressed': f === filter ? 'true' : 'false', disabled: count === 0 },
        on: {
          click: () => {
            filter = f;
            limit = SHOWN_AT_ONCE;
            filters.forEach((b, i) => b.setAttribute('aria-pressed', String(FILTERS[i] === f)));
            render();
          },
        },
      },
      f === 'all' ? `All ${count}` : `${LABEL[f]}s ${count}`,
    );
    return button;
  });

  const item = (issue: Issue): HTMLElement => {
    const where = issueLocation(issue);
    const place = !where
      ? null
      : onSelect
        ? h(
            'button',
            {
              class: 'link',
              attrs: { type: 'button', title: `Go to ${where}` },
              on: {
                click: () => {
                  notice.textContent = '';
                  void onSelect(issue).then((problem) => {
                    if (problem) notice.textContent = problem;
                  });
                },
              },
            },
            where,
          )
        : h('span', { class: 'place' }, where);
    return h(
      'li',
      { class: `issue ${issue.severity}` },
      h(
        'span',
        { class: 'meta' },
        h('span', { class: 'severity' }, LABEL[issue.severity]),
        place,
        h('span', { class: 'code' }, issue.code),
      ),
      h('span', { class: 'message' }, issue.message),
    );
  };

  const entry = (e: IssueEntry): HTMLElement => {
    if (e.kind === 'one') return item(e.issue);
    const first = e.issues[0] as Issue;
    const where = issueLocation(first);
    return h(
      'li',
      { class: `issue-group ${e.severity}`, attrs: { 'data-code': e.code } },
      h(
        'details',
        null,
        h(
          'summary',
          null,
          h(
            'span',
            { class: 'meta' },
            h('span', { class: 'severity' }, LABEL[e.severity]),
            where ? h('span', { class: 'place' }, `from ${where}`) : null,
            h('span', { class: 'code' }, e.code),
          ),
          h('span', { class: 'group-label' }, groupLabel(e.code, e.issues.length)),
          h('span', { class: 'group-open' }, GROUP_OPEN),
        ),
        h('ol', { class: 'issues' }, ...e.issues.map(item)),
      ),
    );
  };

  const render = () => {
    const shown = issueEntries(issues.filter((i) => filter === 'all' || i.severity === filter));
    show(list, ...shown.slice(0, limit).map(entry));
    if (shown.length > limit) {
      const more = h(
        'button',
        {
          class: 'quiet',
          attrs: { type: 'button' },
          on: {
            click: () => {
              limit += SHOWN_AT_ONCE;
              render();
            },
          },
        },
        `Show ${Math.min(SHOWN_AT_ONCE, shown.length - limit)} more of ${shown.length - limit}`,
      );
      list.appendChild(h('li', { class: 'more' }, more));
    }
  };
  render();

  // No issues: the result banner has already said every cell read cleanly.
  if (issues.length === 0) return h('section', { class: 'issues-panel', attrs: { hidden: true } });
  return h(
    'section',
    { class: 'issues-panel', attrs: { 'aria-label': 'Issues' } },
    h('h3', null, 'Issues'),
    h('div', { class: 'chips', attrs: { role: 'group', 'aria-label': 'Show' } }, ...filters),
    notice,
    list,
  );
}

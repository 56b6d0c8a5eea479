// The compact controls above the list: search, sort, and a fold-out of filters (overdue, priority, tag).
import { useEffect, useId, useRef, useState } from 'react';
import type { Priority } from '../api/schemas';
import { activeFilterCount, CLEARED_FILTERS, type TaskQuery, type TaskSort } from '../api/tasks';
import { Icon } from './Icon';

interface TaskFiltersProps {
  readonly query: TaskQuery;
  readonly knownTags: readonly string[];
  readonly onChange: (change: Partial<TaskQuery>) => void;
}

const SORTS: readonly { value: TaskSort; label: string }[] = [
  { value: 'created', label: 'Sort: newest' },
  { value: 'due', label: 'Sort: due date' },
  { value: 'priority', label: 'Sort: priority' },
  { value: 'title', label: 'Sort: title' },
];
const PRIORITIES: readonly Priority[] = ['high', 'medium', 'low'];
// Long enough to skip the keystrokes of a word, short enough to feel live.
const SEARCH_DELAY_MS = 300;

const asSort = (value: string): TaskSort => SORTS.find((s) => s.value === value)?.value ?? 'created';
const asPriority = (value: string): Priority | null => PRIORITIES.find((p) => p === value) ?? null;

/** Search box, sort menu and filter toggle on one line; the filters fold out below it. */
export function TaskFilters({ query, knownTags, onChange }: TaskFiltersProps) {
  const id = useId();
  const [open, setOpen] = useState(false);
  const [text, setText] = useState(query.text);
  const sent = useRef(query.text);
  const count = activeFilterCount(query);
  const tags = query.tag && !knownTags.includes(query.tag) ? [...knownTags, query.tag] : knownTags;

  useEffect(() => {
    // The text was changed elsewhere ("Clear filters"): show it.
    if (query.text !== sent.current) setText(query.text);
    sent.current = query.text;
  }, [query.text]);

  useEffect(() => {
    if (text === sent.current) return;
    const timer = window.setTimeout(() => {
      sent.current = text;
      onChange({ text });
    }, SEARCH_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [text, onChange]);

  return (
    <div className="task-tools">
      <div className="task-tools__row">
        <label className="search">
          <Icon name="search" />
          <span className="sr-only">Search tasks</span>
          <input
            type="search"
            value={text}
            placeholder="Search"
            onChange={(e) => setText(e.target.value)}
            onKeyDown={(e) => {
              if (e.key !== 'Enter') return;
              sent.current = text;
              onChange({ text });
            }}
            data-testid="task-search"
          />
        </label>
        <label className="sr-only" htmlFor={`${id}-sort`}>
          Sort by
        </label>
        <select
          id={`${id}-sort`}
          className="select"
          value={query.sort}
          onChange={(e) => onChange({ sort: asSort(e.target.value) })}
          data-testid="task-sort"
        >
          {SORTS.map(({ value, label }) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
        <button
          type="button"
          className={`icon-button filter-toggle${count > 0 ? ' filter-toggle--on' : ''}`}
          aria-expanded={open}
          aria-controls={`${id}-filters`}
          aria-label={count > 0 ? `Filters (${count} on)` : 'Filters'}
          onClick={() => setOpen((o) => !o)}
          data-testid="task-filters-toggle"
        >
          <Icon name="filter" />
          {count > 0 && (
            <span className="filter-toggle__count" aria-hidden="true">
              {count}
            </span>
          )}
        </button>
      </div>
      <div id={`${id}-filters`} className="task-filters" role="group" aria-label="Filters" hidden={!open} data-testid="task-filters">
        <label className="task-filters__check">
          <input type="checkbox" className="check" checked={query.overdue} onChange={(e) => onChange({ overdue: e.target.checked })} data-testid="task-filter-overdue" />
          Overdue only
        </label>
        <label className="task-filters__field">
          <span>Priority</span>
          <select className="select" value={query.priority ?? ''} onChange={(e) => onChange({ priority: asPriority(e.target.value) })} data-testid="task-filter-priority">
            <option value="">Any</option>
            {PRIORITIES.map((p) => (
              <option key={p} value={p}>
                {p[0]?.toUpperCase()}
                {p.slice(1)}
              </option>
            ))}
          </select>
        </label>
        <label className="task-filters__field">
          <span>Tag</span>
          <select className="select" value={query.tag ?? ''} onChange={(e) => onChange({ tag: e.target.value || null })} data-testid="task-filter-tag">
            <option value="">Any</option>
            {tags.map((tag) => (
              <option key={tag} value={tag}>
                #{tag}
              </option>
            ))}
          </select>
        </label>
        {count > 0 && (
          <button type="button" className="button button--small" onClick={() => onChange(CLEARED_FILTERS)} data-testid="task-filters-clear">
            Clear filters
          </button>
        )}
      </div>
    </div>
  );
}

// A row of toggle buttons of which one is pressed: the task panel's status tabs, the History dialog's views.

interface SegmentedProps<T extends string> {
  /** The group's accessible name ("Show"). */
  readonly label: string;
  readonly options: readonly { readonly value: T; readonly label: string }[];
  readonly value: T;
  readonly onChange: (value: T) => void;
  /** Each button's data-testid is this prefix and its value. */
  readonly testIdPrefix: string;
}

/** Toggle buttons (aria-pressed) in a labelled group; the pressed one is the current choice. */
export function Segmented<T extends string>({ label, options, value, onChange, testIdPrefix }: SegmentedProps<T>) {
  return (
    <div className="filters" role="group" aria-label={label}>
      {options.map((option) => (
        <button
          key={option.value}
          type="button"
          className="tab"
          aria-pressed={value === option.value}
          onClick={() => onChange(option.value)}
          data-testid={`${testIdPrefix}${option.value}`}
        >
          {option.label}
        </button>
      ))}
    </div>
  );
}

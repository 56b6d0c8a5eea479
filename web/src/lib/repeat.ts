// A canonical repeat rule ("weekly on mon,thu") as people read it ("Every Mon and Thu").

const DAYS: Readonly<Record<string, string>> = {
  mon: 'Monday',
  tue: 'Tuesday',
  wed: 'Wednesday',
  thu: 'Thursday',
  fri: 'Friday',
  sat: 'Saturday',
  sun: 'Sunday',
};

const SIMPLE: Readonly<Record<string, string>> = {
  daily: 'Every day',
  weekdays: 'Every weekday',
  weekly: 'Every week',
  monthly: 'Every month',
  yearly: 'Every year',
};

function list(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

function weekdays(codes: string): string | null {
  const days = codes.split(',').map((code) => code.trim());
  const names = days.map((code) => DAYS[code]);
  if (names.some((name) => name === undefined)) return null;
  const known = names.filter((name): name is string => name !== undefined);
  return known.length === 1 ? `Every ${known[0]}` : `Every ${list(known.map((name) => name.slice(0, 3)))}`;
}

/** "daily" → "Every day", "weekly on mon,thu" → "Every Mon and Thu", "every 2 weeks" → "Every 2 weeks". */
export function describeRepeat(rule: string): string {
  const canonical = rule.trim().toLowerCase();
  const simple = SIMPLE[canonical];
  if (simple) return simple;
  const on = /^weekly on ([a-z, ]+)$/.exec(canonical);
  const days = on?.[1] ? weekdays(on[1]) : null;
  if (days) return days;
  const every = /^every (\d+) (day|week|month|year)s?$/.exec(canonical);
  if (every?.[1] && every[2]) {
    const count = Number(every[1]);
    return count === 1 ? `Every ${every[2]}` : `Every ${count} ${every[2]}s`;
  }
  // A rule this UI does not know yet (a newer server): show it as written rather than hide it.
  return canonical ? `${canonical[0]?.toUpperCase() ?? ''}${canonical.slice(1)}` : '';
}

// Local wall time in an IANA zone -> the UTC instant, with Intl only (the eval tool imports no app code).

/** The zone's UTC offset in minutes at an instant. */
function offsetAt(instant: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(instant));
  const get = (type: string): number => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return Math.round((asUtc - instant) / 60_000);
}

/** The instant of a local "YYYY-MM-DDTHH:mm" in `timeZone`. */
export function instantOf(local: string, timeZone: string): Date {
  const wall = Date.parse(`${local}:00Z`);
  if (Number.isNaN(wall)) throw new Error(`not a local time "YYYY-MM-DDTHH:mm": ${local}`);
  let instant = wall - offsetAt(wall, timeZone) * 60_000;
  instant = wall - offsetAt(instant, timeZone) * 60_000;
  return new Date(instant);
}

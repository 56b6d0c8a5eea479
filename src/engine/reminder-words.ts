// Reminders in a reply, in the user's zone and locale: "I'll remind you at 17:00 today.", "I'll remind you
// 30 minutes before, at 16:30 tomorrow.", the questions asked when a reminder cannot be set yet, and what a
// reminder time the server refused as past becomes.
import { writeDue } from '../calendar/format.js';
import { addDays } from '../calendar/local.js';
import { wallTime } from '../calendar/zones.js';
import { preciseNow, type Clock } from './clock.js';
import type { ReminderArg } from './details.js';
import type { Request } from './types.js';
import { label, oneLine } from './reply.js';
import type { TaskView } from './results.js';
import { fireTime } from './update-args.js';

const timeFormats = new Map<string, Intl.DateTimeFormat>();

/** "17:00" (en-GB) or "5:00 PM" (en-US): the time of an instant on the user's clock. */
function timeOfDay(instant: number, clock: Clock): string {
  const key = `${clock.locale}|${clock.timeZone}`;
  let format = timeFormats.get(key);
  if (!format) {
    const cycle = new Intl.DateTimeFormat(clock.locale, { hour: 'numeric' }).resolvedOptions().hourCycle;
    format = new Intl.DateTimeFormat(clock.locale, { hour: cycle === 'h23' || cycle === 'h24' ? '2-digit' : 'numeric', minute: '2-digit', timeZone: clock.timeZone });
    if (timeFormats.size >= 64) timeFormats.clear();
    timeFormats.set(key, format);
  }
  return format.format(instant);
}

/** "at 17:00 today", "at 09:00 tomorrow", "at 12:00 on Fri 4 Dec"; "in 5 seconds" for one due within the minute. */
export function whenWords(instant: number, clock: Clock): string {
  const ahead = instant - preciseNow(clock);
  if (ahead > 0 && ahead < 60_000) {
    const s = Math.max(1, Math.round(ahead / 1000));
    return `in ${s} second${s === 1 ? '' : 's'}`;
  }
  const date = wallTime(new Date(instant), clock.timeZone).slice(0, 10);
  const day = date === clock.today ? 'today' : date === addDays(clock.today, 1) ? 'tomorrow' : date === addDays(clock.today, -1) ? 'yesterday' : `on ${writeDue(date, clock, clock.locale)}`;
  return `at ${timeOfDay(instant, clock)} ${day}`;
}

/** "30 minutes", "an hour", "2 days". */
function duration(minutes: number): string {
  const [n, unit] = minutes % 1440 === 0 ? [minutes / 1440, 'day'] : minutes % 60 === 0 ? [minutes / 60, 'hour'] : [minutes, 'minute'];
  if (n === 1) return unit === 'hour' ? 'an hour' : `a ${unit}`;
  return `${n} ${unit}s`;
}

/** The sentence saying when the task's reminders fire: "I'll remind you at 17:00 today."; '' when it has none that can. */
export function reminderSentence(reminders: readonly ReminderArg[], due: string | null | undefined, clock: Clock): string {
  const timed = reminders.map((r) => ({ r, fires: fireTime(r, due, clock) })).filter((x) => !Number.isNaN(x.fires));
  const parts = timed
    .sort((a, b) => a.fires - b.fires)
    .map(({ r, fires }) => {
      const when = whenWords(fires, clock);
      return 'minutes_before' in r && r.minutes_before > 0 ? `${duration(r.minutes_before)} before, ${when}` : when;
    });
  if (parts.length === 0) return '';
  const list = parts.length === 1 ? parts[0] : `${parts.slice(0, -1).join('; ')} and ${parts.at(-1)}`;
  return `I'll remind you ${list}.`;
}

/** The reply when a reminder asked for cannot be set yet (the task has no due time, or no time was said); null when it can. */
export function reminderQuestion(req: Extract<Request, { intent: 'update' }>, tasks: readonly TaskView[] | undefined, ids: readonly number[]): string | null {
  if (!req.reminders || !('add' in req.reminders)) return null;
  const added = req.reminders.add;
  if (added.some((r) => 'at' in r && !r.at.includes('T'))) {
    return 'What time should I remind you? For example: "remind me about it tomorrow at 9am".';
  }
  if (!added.some((r) => 'minutes_before' in r)) return null;
  for (const id of ids) {
    const task = tasks?.find((t) => t.id === id);
    if (task && !task.due_at?.includes('T')) {
      const when = task.due_at ? 'no due time' : 'no due date';
      const why = added.some((r) => 'minutes_before' in r && r.minutes_before > 0) ? 'there is nothing to remind you before' : "I don't know when to remind you";
      return `${label(task)} has ${when}, so ${why}. When is it due? For example: "set it for tomorrow at 9", then ask me again.`;
    }
  }
  return null;
}

const PASSED = /would remind at (\S+?),? which has passed/i;

/** A refused reminder time in the user's words ("That reminder time, 09:00 today, has already passed…"); null for other errors. */
export function passedLine(message: string, name: string, args: Record<string, unknown>, clock: Clock): string | null {
  const m = PASSED.exec(message);
  if (!m?.[1]) return null;
  const at = Date.parse(m[1]);
  const when = Number.isNaN(at) ? 'the time you gave' : whenWords(at, clock).replace(/^at /, '');
  const what = name === 'add_task' && typeof args.title === 'string' ? `I didn't add "${oneLine(args.title)}"` : `I didn't change task ${String(args.task_id)}`;
  return `That reminder time (${when}) has already passed, so ${what}. Pick a later time.`;
}

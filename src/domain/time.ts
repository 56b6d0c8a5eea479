// The domain's calendar is src/calendar: zones and local dates with one DST rule for every layer.
export type { LocalDateTime } from '../calendar/local.js';
export { isTimeZone as isValidTimeZone, formatZoned, fromLocal, startOfLocalDay, toLocal } from '../calendar/zones.js';

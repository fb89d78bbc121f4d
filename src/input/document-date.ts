// A document's date from its input record (--date-field), as an ISO-8601 calendar date.
//
// Crawler exports and news APIs carry the publication date in every shape: "2024-03-05",
// "2024/3/5 08:30", "2024-03-05T08:30:00+08:00", "2024年3月5日", "20240305", a Unix timestamp. The
// date is taken as written (a time or a zone after it does not move it to another day); a timestamp,
// which states no zone, is read in China Standard Time (UTC+8), the zone of the news it dates.
//   documentDate("2024/3/5 08:30") -> "2024-03-05";  documentDate("2024年3月") -> "2024-03"
//   documentDate(1709598600) -> "2024-03-05";  documentDate(2024) -> "2024";  documentDate("昨天") -> null

const YMD = /^(\d{4})(?:[-/.年](\d{1,2})(?:[-/.月](\d{1,2})日?)?月?|年)?(?=$|[T\s]|\d{1,2}[:时])/u;
const COMPACT = /^(\d{4})(\d{2})(\d{2})(?=$|[T\s])/;
/** Unix timestamps of 2000-01-01 .. 2100-01-01, in seconds or milliseconds. */
const EPOCH_S = [946_684_800, 4_102_444_800] as const;
const CST_MS = 8 * 3600 * 1000;

/** The ISO date ("2024-03-05", "2024-03" or "2024") of a date field's value, or null when it holds none. */
export function documentDate(value: unknown): string | null {
  if (typeof value === 'number') return Number.isInteger(value) && value >= 1000 && value < 3000 ? String(value) : fromTimestamp(value);
  if (typeof value !== 'string') return null;
  const s = value.trim();
  if (/^\d{10}(?:\d{3})?$/.test(s)) return fromTimestamp(Number(s));
  const m = COMPACT.exec(s) ?? YMD.exec(s);
  if (!m) return null;
  const year = Number(m[1]);
  if (year < 1000) return null;
  if (m[2] === undefined) return String(year);
  const month = Number(m[2]);
  if (month < 1 || month > 12) return null;
  const mm = String(month).padStart(2, '0');
  if (m[3] === undefined) return `${year}-${mm}`;
  const day = Number(m[3]);
  // The day must exist in that month (Date.UTC rolls 2月30日 over into March).
  if (day < 1 || new Date(Date.UTC(year, month - 1, day)).getUTCMonth() !== month - 1) return null;
  return `${year}-${mm}-${String(day).padStart(2, '0')}`;
}

function fromTimestamp(t: number): string | null {
  if (!Number.isFinite(t)) return null;
  const ms = t >= EPOCH_S[0] * 1000 ? t : t * 1000;
  if (ms < EPOCH_S[0] * 1000 || ms >= EPOCH_S[1] * 1000) return null;
  return new Date(ms + CST_MS).toISOString().slice(0, 10);
}

// The dates a page states: the year it names most, and an article's dateline as an ISO-like date.

/** The year a document states most often ("2022年" x3 -> 2022), as the default reference year. */
export function statedYear(raw: string): number | null {
  const counts = new Map<number, number>();
  for (const m of raw.matchAll(/((?:19|20)\d\d)\s*年/g)) counts.set(Number(m[1]), (counts.get(Number(m[1])) ?? 0) + 1);
  let best: number | null = null;
  for (const [y, n] of counts) if (best === null || n > counts.get(best)! || (n === counts.get(best)! && y > best)) best = y;
  return best;
}

/** "8月11日" + 2022 -> "2022-08-11"; without a year "--08-11"; null when the dateline states no date. */
export function datelineDate(dateline: string | null, year: number | null): string | null {
  const m = dateline ? /(\d{1,2})\s*月\s*(\d{1,2})\s*日/.exec(dateline.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))) : null;
  if (!m) return null;
  const md = `${m[1]!.padStart(2, '0')}-${m[2]!.padStart(2, '0')}`;
  return year ? `${year}-${md}` : `--${md}`;
}

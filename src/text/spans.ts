// Span ordering and overlap resolution shared by every stage.

export interface Ranged {
  start: number;
  end: number;
}

/** Document order: by start, longer first at the same start. */
export function bySpan(a: Ranged, b: Ranged): number {
  return a.start - b.start || b.end - a.end;
}

/**
 * Keeps a set of non-overlapping spans: longest first, then earliest, then by `priority` (lower wins).
 * Returns them in document order.
 */
export function resolveOverlaps<T extends Ranged>(spans: T[], priority: (s: T) => number = () => 0): T[] {
  const ranked = [...spans].sort(
    (a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start || priority(a) - priority(b),
  );
  // An occupancy map keeps this linear in the covered length rather than quadratic in the span count.
  const taken = new Uint8Array(spans.reduce((m, s) => Math.max(m, s.end), 0));
  const kept: T[] = [];
  for (const s of ranked) {
    let free = true;
    for (let i = s.start; i < s.end && free; i++) if (taken[i]) free = false;
    if (!free) continue;
    taken.fill(1, s.start, s.end);
    kept.push(s);
  }
  return kept.sort(bySpan);
}

export function overlaps(a: Ranged, b: Ranged): boolean {
  return a.start < b.end && b.start < a.end;
}

/** True when `inner` lies within `outer`. */
export function contains(outer: Ranged, inner: Ranged): boolean {
  return outer.start <= inner.start && inner.end <= outer.end;
}

/** True when s overlaps any of the (sorted or unsorted) blockers. */
export function overlapsAny(s: Ranged, blockers: readonly Ranged[]): boolean {
  for (const b of blockers) if (overlaps(s, b)) return true;
  return false;
}

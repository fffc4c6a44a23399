import type { Stage } from '@trailmap/schema';

/** "2–3 weeks", "1 day". */
export function formatDuration(duration: NonNullable<Stage['duration']>): string {
  const { min, max, unit } = duration;
  const plural = (max ?? min) === 1 ? unit.replace(/s$/, '') : unit;
  return max !== undefined && max !== min ? `${min}–${max} ${plural}` : `${min} ${plural}`;
}

/** A date as "23 Nov 2026"; relative wording for the last week ("3 h ago"). */
export function formatWhen(iso: string, now = Date.now()): string {
  const then = Date.parse(iso);
  if (Number.isNaN(then)) return iso;
  const minutes = Math.round((now - then) / 60000);
  if (minutes < 1) return 'just now';
  if (minutes < 60) return `${minutes} min ago`;
  if (minutes < 24 * 60) return `${Math.round(minutes / 60)} h ago`;
  if (minutes < 7 * 24 * 60) return `${Math.round(minutes / 1440)} d ago`;
  return new Date(then).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric' });
}

const HOUR = 3_600_000;

/** A duration in words: `5 hours`, `2 days 3 hours`, `40 minutes`. */
export function formatAge(ms: number): string {
  const abs = Math.abs(ms);
  if (abs < HOUR) return plural(Math.round(abs / 60_000), 'minute');
  const hours = Math.floor(abs / HOUR);
  if (hours < 48) return plural(hours, 'hour');
  const days = Math.floor(hours / 24);
  const rest = hours % 24;
  return rest === 0 ? plural(days, 'day') : `${plural(days, 'day')} ${plural(rest, 'hour')}`;
}

function plural(n: number, unit: string): string {
  return `${n} ${unit}${n === 1 ? '' : 's'}`;
}

export const HOURS = (n: number): number => n * HOUR;

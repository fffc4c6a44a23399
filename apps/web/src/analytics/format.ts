/** `0.756` → `75.6%`; whole percentages lose the decimal. */
export function percent(share: number): string {
  const value = Math.round(share * 1000) / 10;
  return `${Number.isInteger(value) ? value.toFixed(0) : value.toFixed(1)}%`;
}

/** Seconds as the two largest units: `45s`, `2m 5s`, `3h 20m`, `4d 2h`. */
export function formatSeconds(seconds: number | null): string {
  if (seconds === null || !Number.isFinite(seconds)) return '–';
  const s = Math.round(seconds);
  const units: [string, number][] = [
    ['d', 86_400],
    ['h', 3_600],
    ['m', 60],
    ['s', 1],
  ];
  const parts: string[] = [];
  let rest = s;
  for (const [label, size] of units) {
    const amount = Math.floor(rest / size);
    rest -= amount * size;
    if (amount > 0 || (parts.length > 0 && parts.length < 2)) parts.push(`${amount}${label}`);
    if (parts.length === 2) break;
  }
  return parts.length === 0 ? '0s' : parts.filter((part, i) => i === 0 || !part.startsWith('0')).join(' ');
}

export const formatCount = (value: number) => value.toLocaleString('en-US');

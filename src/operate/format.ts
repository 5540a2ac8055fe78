/**
 * Pure formatting for the operating commands (check, discover, sync, jobs, cancel, export): tables, durations,
 * byte sizes and counts. No I/O here, so every shape the user sees is unit-tested.
 */

/** A plain-text table: columns padded to their widest cell, two spaces apart, trailing spaces trimmed. */
export function renderTable(headers: string[], rows: string[][]): string {
  const widths = headers.map((header, i) => Math.max(visibleLength(header), ...rows.map((row) => visibleLength(row[i] ?? ''))));
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => cell + ' '.repeat(Math.max(0, (widths[i] ?? 0) - visibleLength(cell))))
      .join('  ')
      .trimEnd();
  return [line(headers), ...rows.map(line)].join('\n') + '\n';
}

/** Length as displayed: colour escapes take no room. */
function visibleLength(text: string): number {
  // eslint-disable-next-line no-control-regex
  return [...text.replace(/\u001b\[[0-9;]*m/g, '')].length;
}

/** `0s`, `45s`, `2m 05s`, `1h 02m`: whole seconds, the two largest units. */
export function formatDuration(totalSeconds: number): string {
  const seconds = Math.max(0, Math.floor(totalSeconds));
  if (seconds < 60) return `${seconds}s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes}m ${String(seconds % 60).padStart(2, '0')}s`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `${hours}h ${String(minutes % 60).padStart(2, '0')}m`;
  return `${Math.floor(hours / 24)}d ${String(hours % 24).padStart(2, '0')}h`;
}

const BYTE_UNITS = ['B', 'KB', 'MB', 'GB', 'TB', 'PB'];

/** Decimal units as Airbyte's UI shows them: `512 B`, `1.2 KB`, `35.0 MB`. */
export function formatBytes(bytes: number): string {
  let value = Math.max(0, bytes);
  let unit = 0;
  while (value >= 1000 && unit < BYTE_UNITS.length - 1) {
    value /= 1000;
    unit++;
  }
  return unit === 0 ? `${Math.round(value)} B` : `${value.toFixed(1)} ${BYTE_UNITS[unit]}`;
}

/** `12,345` (thousands separated the same way on every machine). */
export function formatCount(count: number): string {
  return Math.round(count)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** Epoch seconds as `2025-11-26 04:16:03Z` (UTC, so CI logs and laptops agree). */
export function formatTimestamp(epochSeconds: number): string {
  return new Date(epochSeconds * 1000)
    .toISOString()
    .replace('T', ' ')
    .replace(/\.\d{3}Z$/, 'Z');
}

/** Epoch seconds as ISO 8601 (`2025-11-26T04:16:03Z`), the JSON form. */
export function isoTimestamp(epochSeconds: number): string {
  return new Date(epochSeconds * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

const DURATION = /^(\d+(?:\.\d+)?)(ms|s|m|h|d)?$/;
const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/**
 * Parses a duration flag: a number with unit `ms`, `s`, `m`, `h` or `d` (`1h`, `90s`, `250ms`); a bare number is
 * seconds. Compound forms (`1h30m`) are accepted too. Undefined when the text is not a duration.
 */
export function parseDuration(text: string): number | undefined {
  const parts = text
    .trim()
    .toLowerCase()
    .match(/\d+(?:\.\d+)?(?:ms|s|m|h|d)?/g);
  if (parts === null || parts.join('') !== text.trim().toLowerCase()) return undefined;
  let total = 0;
  for (const part of parts) {
    const match = DURATION.exec(part);
    if (match === null) return undefined;
    total += Number(match[1]) * (UNIT_MS[match[2] ?? 's'] ?? 1000);
  }
  return total;
}

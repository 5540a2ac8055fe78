/** The `check` table and summary line. Pure. */
import type { Palette } from '../util/color.js';
import type { CheckRow } from './check.js';
import { renderTable } from './format.js';
import { printable } from '../util/printable.js';

const MARKS: Record<CheckRow['status'], string> = { succeeded: '✓ succeeded', failed: '✗ failed', skipped: '- skipped' };

export function renderCheckTable(rows: readonly CheckRow[], palette: Palette): string {
  if (rows.length === 0) return 'The pipeline declares no sources or destinations.\n';
  const colour = { succeeded: palette.green, failed: palette.red, skipped: palette.dim };
  const table = renderTable(
    ['RESOURCE', 'STATUS', 'MESSAGE', 'TIME'],
    rows.map((row) => [
      `${row.kind} '${printable(row.name)}'`,
      colour[row.status](MARKS[row.status]),
      row.message === '' ? '-' : printable(row.message),
      row.call === null ? '-' : `${row.durationSeconds.toFixed(1)}s`,
    ]),
  );
  return table + checkSummary(rows) + '\n';
}

function checkSummary(rows: readonly CheckRow[]): string {
  const count = (status: CheckRow['status']) => rows.filter((row) => row.status === status).length;
  return `${count('succeeded')} succeeded, ${count('failed')} failed, ${count('skipped')} skipped`;
}

/**
 * What a connection change says besides its fields and warnings, shared by the text and Markdown renderers: that
 * apply saves its sync state first, that its streams are checked only at apply time, and its schema drift
 * (`--refresh`). Plain text; each renderer escapes and styles it. Names come from outside and go through `printable`.
 */
import { printable } from '../../util/printable.js';
import { DEFAULT_STATE_BACKUP_DIR, type Change, type ConnectionChange, type ConnectionDrift, type RenderOptions, type StreamDrift } from '../types.js';

/** The notes of one change: each a line of plain text. */
export function changeNotes(change: Change, options: RenderOptions = {}): string[] {
  if (change.kind !== 'connection') return [];
  const notes: string[] = [];
  if (change.savesState === true) notes.push(`sync state saved to ${printable(options.stateBackupDir ?? DEFAULT_STATE_BACKUP_DIR)} first`);
  if (change.streamsUnchecked === true) {
    notes.push(`streams unchecked (--no-discover): checked only when apply has created source '${printable(change.desired?.source ?? '?')}'`);
  }
  return notes;
}

const quoted = (names: string[]) => names.map((name) => printable(name)).join(', ');
const keyText = (key: string[][]) => (key.length === 0 ? 'none' : key.map((path) => printable(path.join('.'))).join(', '));
const cursorText = (cursor: string[]) => printable(cursor.join('.')) || 'none';

function streamLine(stream: StreamDrift): string {
  const parts: string[] = [];
  if (stream.columnsAdded.length > 0) parts.push(`columns added: ${quoted(stream.columnsAdded)}`);
  if (stream.columnsRemoved.length > 0) parts.push(`columns removed: ${quoted(stream.columnsRemoved)}`);
  if (stream.columnsChanged.length > 0) parts.push(`columns changed: ${quoted(stream.columnsChanged)}`);
  if (stream.primaryKey) parts.push(`primary key ${keyText(stream.primaryKey.before)} → ${keyText(stream.primaryKey.after)}`);
  if (stream.cursor) parts.push(`cursor ${cursorText(stream.cursor.before)} → ${cursorText(stream.cursor.after)}`);
  return `~ stream ${printable(stream.stream)}: ${parts.join('; ')}${stream.breaking ? ' (breaking)' : ''}`;
}

/** Offered streams listed one per line up to this many; more are one line (a source of 500 tables syncing 3). */
export const OFFERED_LISTED = 5;

/** The streams a source offers that the connection does not select: one line each, or one line for many. */
function offeredLines(streams: readonly string[]): string[] {
  if (streams.length <= OFFERED_LISTED) return streams.map((stream) => `+ stream ${printable(stream)}: offered by the source, not selected`);
  const shown = streams.slice(0, OFFERED_LISTED).map(printable).join(', ');
  return [`+ ${streams.length} streams offered by the source, not selected: ${shown} and ${streams.length - OFFERED_LISTED} more (--json lists them all)`];
}

/**
 * One line for the unchanged connections whose only drift (`--refresh`) is streams their source offers and the
 * pipeline does not select, or undefined when there are none. Not a block per connection: a workspace of hundreds
 * of connections each selecting a few tables of a large source would bury the plan's changes under them.
 */
export function offeredSummary(changes: readonly Change[]): string | undefined {
  const quiet = changes.filter(
    (change): change is ConnectionChange => change.kind === 'connection' && change.action === 'no-op' && (change.drift?.streamsAdded.length ?? 0) > 0,
  );
  if (quiet.length === 0) return undefined;
  const named = quiet
    .slice(0, OFFERED_LISTED)
    .map((change) => `'${printable(change.name)}' (${change.drift?.streamsAdded.length ?? 0})`)
    .join(', ');
  const more = quiet.length > OFFERED_LISTED ? ` and ${quiet.length - OFFERED_LISTED} more` : '';
  const subject =
    quiet.length === 1
      ? '1 unchanged connection reads from a source offering streams it does not select'
      : `${quiet.length} unchanged connections read from sources offering streams they do not select`;
  return `${subject}: ${named}${more} (--json lists them)`;
}

/** The drift as lines: a heading, then one line per stream (`+` offered and not selected, `-` gone, `~` changed). */
export function driftLines(drift: ConnectionDrift | undefined): string[] {
  if (drift === undefined) return [];
  const lines = [
    ...offeredLines(drift.streamsAdded),
    ...drift.streamsRemoved.map((stream) => `- stream ${printable(stream)}: gone from the source`),
    ...drift.streamsChanged.map(streamLine),
  ];
  if (lines.length === 0) return [];
  return [`schema drift upstream${drift.breaking ? ' (breaking)' : ''}:`, ...lines];
}

/**
 * "Did you mean" for misspelled keys, names and streams: the closest candidates by edit distance, case-insensitive.
 */

/**
 * Edit distance where a swap of two neighbouring letters counts as one edit (optimal string alignment): swaps are
 * the commonest typo ('sheduel' → 'schedule').
 */
function editDistance(a: string, b: string): number {
  const left = a.toLowerCase();
  const right = b.toLowerCase();
  const rows = Array.from({ length: left.length + 1 }, (_, i) => Array.from({ length: right.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  const cell = (i: number, j: number) => (rows[i] as number[])[j] as number;
  for (let i = 1; i <= left.length; i++) {
    for (let j = 1; j <= right.length; j++) {
      const cost = left[i - 1] === right[j - 1] ? 0 : 1;
      let best = Math.min(cell(i - 1, j) + 1, cell(i, j - 1) + 1, cell(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && left[i - 1] === right[j - 2] && left[i - 2] === right[j - 1]) best = Math.min(best, cell(i - 2, j - 2) + 1);
      (rows[i] as number[])[j] = best;
    }
  }
  return cell(left.length, right.length);
}

/**
 * Candidates close enough to `input` to be a likely typo, best first (at most `limit`). Unless `typosOnly`, a
 * candidate that contains the input also counts (a shortened name: 'bucket' → 's3_bucket_name').
 */
export function closest(input: string, candidates: Iterable<string>, limit = 3, typosOnly = false): string[] {
  const threshold = Math.max(2, Math.floor(input.length / 3));
  return [...new Set(candidates)]
    .map((candidate) => ({ candidate, distance: editDistance(input, candidate) }))
    .filter(({ candidate, distance }) => distance <= threshold || (!typosOnly && candidate.toLowerCase().includes(input.toLowerCase())))
    .sort((x, y) => x.distance - y.distance || x.candidate.localeCompare(y.candidate))
    .slice(0, limit)
    .map(({ candidate }) => candidate);
}

/** " (did you mean 'x'?)" or "" — ready to append to a message. */
export function didYouMean(input: string, candidates: Iterable<string>): string {
  const [best] = closest(input, candidates, 1);
  return best === undefined ? '' : ` (did you mean '${best}'?)`;
}

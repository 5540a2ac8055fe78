/**
 * "Did you mean" for misspelled keys, names and streams: the closest candidates by edit distance, case-insensitive.
 * The cost of one suggestion is bounded whatever the input: a candidate whose length alone rules it out is never
 * compared, a comparison stops as soon as it exceeds the threshold, and names longer than MAX_COMPARED are only
 * checked for containment.
 */

/** Longer names are not compared letter by letter (a typo suggestion for them is not worth quadratic work). */
const MAX_COMPARED = 64;

/**
 * Edit distance where a swap of two neighbouring letters counts as one edit (optimal string alignment): swaps are
 * the commonest typo ('sheduel' → 'schedule'). Both strings already lower-case. Returns `cap + 1` as soon as the
 * distance is known to exceed `cap`.
 */
function editDistance(left: string, right: string, cap: number): number {
  const width = right.length + 1;
  let before = new Int32Array(width); // row i - 2
  let previous = new Int32Array(width); // row i - 1
  let current = new Int32Array(width);
  for (let j = 0; j < width; j++) previous[j] = j;
  for (let i = 1; i <= left.length; i++) {
    current[0] = i;
    let rowMin = i;
    for (let j = 1; j < width; j++) {
      const cost = left[i - 1] === right[j - 1] ? 0 : 1;
      let best = Math.min((previous[j] as number) + 1, (current[j - 1] as number) + 1, (previous[j - 1] as number) + cost);
      if (i > 1 && j > 1 && left[i - 1] === right[j - 2] && left[i - 2] === right[j - 1]) best = Math.min(best, (before[j - 2] as number) + 1);
      current[j] = best;
      if (best < rowMin) rowMin = best;
    }
    // Every later row is at least this row's minimum minus nothing: the distance can only grow from here.
    if (rowMin > cap) return cap + 1;
    [before, previous, current] = [previous, current, before];
  }
  return Math.min(previous[width - 1] as number, cap + 1);
}

/**
 * Candidates close enough to `input` to be a likely typo, best first (at most `limit`). Unless `typosOnly`, a
 * candidate that contains the input also counts (a shortened name: 'bucket' → 's3_bucket_name').
 */
export function closest(input: string, candidates: Iterable<string>, limit = 3, typosOnly = false): string[] {
  const threshold = Math.max(2, Math.floor(input.length / 3));
  const wanted = input.toLowerCase();
  const found: { candidate: string; distance: number }[] = [];
  for (const candidate of new Set(candidates)) {
    const lower = candidate.toLowerCase();
    // Containing the input, the distance is exactly the letters added.
    if (!typosOnly && lower.includes(wanted)) {
      found.push({ candidate, distance: lower.length - wanted.length });
      continue;
    }
    if (Math.abs(lower.length - wanted.length) > threshold || lower.length > MAX_COMPARED || wanted.length > MAX_COMPARED) continue;
    const distance = editDistance(wanted, lower, threshold);
    if (distance <= threshold) found.push({ candidate, distance });
  }
  return found
    .sort((x, y) => x.distance - y.distance || x.candidate.localeCompare(y.candidate))
    .slice(0, limit)
    .map(({ candidate }) => candidate);
}

/** " (did you mean 'x'?)" or "" — ready to append to a message. */
export function didYouMean(input: string, candidates: Iterable<string>): string {
  const [best] = closest(input, candidates, 1);
  return best === undefined ? '' : ` (did you mean '${best}'?)`;
}

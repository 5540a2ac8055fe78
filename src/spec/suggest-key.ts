/**
 * "Did you mean" for misspelled keys. Like util/suggest, but a swap of two neighbouring letters counts as one edit
 * (optimal string alignment), because swaps are the commonest typo in keys ('sheduel' → 'schedule').
 */
import { didYouMean } from '../util/suggest.js';

function swapAwareDistance(a: string, b: string): number {
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

/** " (did you mean 'x'?)" or "". */
export function didYouMeanKey(input: string, candidates: string[]): string {
  const plain = didYouMean(input, candidates);
  if (plain !== '') return plain;
  const threshold = Math.max(2, Math.floor(input.length / 3));
  const best = candidates
    .map((candidate) => ({ candidate, distance: swapAwareDistance(input, candidate) }))
    .filter(({ distance }) => distance <= threshold)
    .sort((x, y) => x.distance - y.distance || x.candidate.localeCompare(y.candidate))[0];
  return best === undefined ? '' : ` (did you mean '${best.candidate}'?)`;
}

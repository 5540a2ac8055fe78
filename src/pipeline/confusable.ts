/**
 * Names that look the same but are different strings: a pull request can add `pg` written with a Cyrillic `р` beside
 * the real `pg`, and a reviewer sees one name twice. The skeleton of a name folds what a reader cannot tell apart:
 * Unicode compatibility forms (NFKC: `ﬁ` → `fi`, full-width letters), zero-width characters, and the common
 * Latin look-alikes in Cyrillic and Greek. Deliberately small (not Unicode's full confusables table): it catches the
 * usual tricks without surprising anyone writing in those scripts, who only hear about it when two names collide.
 */
import { codePointName } from '../util/printable.js';

/** Zero-width characters that a name can hide (space, non-joiner, joiner, word joiner, byte-order mark). */
const INVISIBLE = /[\u200b-\u200d\u2060\ufeff]/gu;

/** Cyrillic and Greek letters drawn like a Latin one, mapped to it. */
const LOOK_ALIKES: Record<string, string> = {
  // Cyrillic lower case
  а: 'a',
  в: 'b',
  е: 'e',
  һ: 'h',
  і: 'i',
  ј: 'j',
  к: 'k',
  ӏ: 'l',
  м: 'm',
  н: 'h',
  о: 'o',
  р: 'p',
  ԛ: 'q',
  с: 'c',
  ѕ: 's',
  т: 't',
  у: 'y',
  х: 'x',
  ԝ: 'w',
  ԁ: 'd',
  // Cyrillic upper case
  А: 'A',
  В: 'B',
  Е: 'E',
  К: 'K',
  М: 'M',
  Н: 'H',
  О: 'O',
  Р: 'P',
  С: 'C',
  Т: 'T',
  У: 'Y',
  Х: 'X',
  І: 'I',
  Ј: 'J',
  Ѕ: 'S',
  Ԛ: 'Q',
  Ԝ: 'W',
  // Greek lower case
  α: 'a',
  ι: 'i',
  κ: 'k',
  ν: 'v',
  ο: 'o',
  ρ: 'p',
  τ: 't',
  υ: 'u',
  χ: 'x',
  γ: 'y',
  // Greek upper case
  Α: 'A',
  Β: 'B',
  Ε: 'E',
  Ζ: 'Z',
  Η: 'H',
  Ι: 'I',
  Κ: 'K',
  Μ: 'M',
  Ν: 'N',
  Ο: 'O',
  Ρ: 'P',
  Τ: 'T',
  Υ: 'Y',
  Χ: 'X',
};

/** The name as a reader sees it: equal skeletons, different names = confusable. */
export function skeleton(name: string): string {
  return [...name.normalize('NFKC').replace(INVISIBLE, '')].map((ch) => LOOK_ALIKES[ch] ?? ch).join('');
}

/** Why two names with one skeleton differ, in words. */
export function confusableReason(first: string, second: string): string {
  if (first.normalize('NFKC') === second.normalize('NFKC')) return 'they differ only by Unicode normalisation';
  if (first.replace(INVISIBLE, '') === second.replace(INVISIBLE, '')) return 'they differ only by zero-width characters';
  return 'they differ only by look-alike letters from another script or by Unicode normalisation';
}

/** Where two look-alike names first differ: `character 1 is U+0440 here and U+0070 there`. */
export function firstDifference(here: string, there: string): string {
  const [a, b] = [[...here], [...there]];
  const index = a.findIndex((ch, i) => ch !== b[i]);
  const at = index === -1 ? a.length : index;
  const code = (ch: string | undefined) => (ch === undefined ? 'nothing' : codePointName(ch));
  return `character ${at + 1} is ${code(a[at])} here and ${code(b[at])} there`;
}

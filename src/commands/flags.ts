/**
 * Commander argument parsers for numeric flags. They throw GitopsError('USAGE') (not commander's
 * InvalidArgumentError), so a bad value prints as the tool's one `error:` line; and because the parsed default is a
 * number, `--help` shows it as `(default: 8)`, not `(default: "8")`.
 */
import { GitopsError } from '../errors.js';

/** A whole number in [minimum, maximum], e.g. `--port` 0..65535. */
export function integerFlag(flag: string, minimum: number, maximum = Number.MAX_SAFE_INTEGER): (text: string) => number {
  const range = maximum === Number.MAX_SAFE_INTEGER ? `>= ${minimum}` : `from ${minimum} to ${maximum}`;
  return (text) => {
    const value = text.trim() === '' ? Number.NaN : Number(text);
    if (!Number.isInteger(value) || value < minimum || value > maximum) {
      throw new GitopsError('USAGE', `${flag} must be a whole number ${range}, got '${text}'`);
    }
    return value;
  };
}

/** A fraction in [0, 1], e.g. `--fault-rate 0.1`. */
export function fractionFlag(flag: string): (text: string) => number {
  return (text) => {
    const value = text.trim() === '' ? Number.NaN : Number(text);
    if (!(value >= 0 && value <= 1)) throw new GitopsError('USAGE', `${flag} must be a number from 0 to 1 (e.g. 0.1), got '${text}'`);
    return value;
  };
}

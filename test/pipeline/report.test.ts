import { describe, expect, it } from 'vitest';
import type { LoadResult } from '../../src/pipeline/load.js';
import { githubAnnotations, renderText } from '../../src/pipeline/report.js';
import { plain, colors } from '../../src/util/color.js';

const empty: LoadResult = { pipeline: { sources: [], destinations: [], connections: [], files: ['a.yaml'] }, problems: [] };

describe('renderText', () => {
  it('uses singular nouns for one', () => {
    expect(renderText(empty, plain)).toBe('✓ Valid: 0 sources, 0 destinations, 0 connections in 1 file\n');
  });

  it('prints problems without a file without a location and colours severities when asked', () => {
    const result: LoadResult = { ...empty, problems: [{ severity: 'error', message: "'x' does not exist" }] };
    expect(renderText(result, plain)).toBe("error: 'x' does not exist\n✗ 1 error\n");
    expect(renderText(result, colors)).toContain('\u001b[31merror:\u001b[39m');
  });
});

describe('githubAnnotations', () => {
  it('escapes properties and data as the runner expects', () => {
    const text = githubAnnotations([{ severity: 'warning', file: 'a,b:c.yaml', line: 2, col: 3, message: '50% done\nnext' }]);
    expect(text).toBe('::warning file=a%2Cb%3Ac.yaml,line=2,col=3::50%25 done%0Anext\n');
  });
});

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadPipeline } from '../../src/pipeline/load.js';
import { renderText } from '../../src/pipeline/report.js';
import { plain } from '../../src/util/color.js';

const dir = mkdtempSync(join(tmpdir(), 'names-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let counter = 0;
function load(yaml: string) {
  const file = join(dir, `p${counter++}.yaml`);
  writeFileSync(file, yaml);
  const result = loadPipeline([file], {});
  return {
    file,
    result,
    problems: result.problems.map((p) => `${p.file === file ? 'F' : p.file}:${p.line}:${p.col} ${p.severity} ${p.message}`.replaceAll(file, 'F')),
  };
}

describe('names with control and bidi characters are refused', () => {
  it('names the character by code point at the name, escaped, for every kind of name', () => {
    const { problems } = load(
      [
        'sources:',
        '  - name: "pg\\e[2J"',
        '    previousNames: ["old\\nname"]',
        'destinations:',
        '  - name: "s3\\u202Etxt.exe"',
        'connections:',
        '  - name: "c\\u0085"',
        '    source: "pg\\e[2J"',
        '    destination: "s3\\u2066"',
        '    streams:',
        '      - name: "users\\u007f"',
        '        namespace: "pub\\u200Flic"',
        '        syncMode: full_refresh',
        '        destinationSyncMode: append',
      ].join('\n'),
    );
    const refusals = problems.filter((p) => p.includes('contains'));
    const tail = '; names are one line of visible text, so remove it (control and bidi characters can disguise what a plan shows)';
    expect(refusals).toEqual([
      `F:2:11 error 'name' in source 'pg\\u001b[2J' contains a control character (U+001B): 'pg\\u001b[2J'${tail}`,
      `F:3:21 error item 1 of 'previousNames' in source 'pg\\u001b[2J' contains a control character (U+000A): 'old\\u000aname'${tail}`,
      `F:5:11 error 'name' in destination 's3\\u202etxt.exe' contains an invisible bidi control character (U+202E): 's3\\u202etxt.exe'${tail}`,
      `F:7:11 error 'name' in connection 'c\\u0085' contains a control character (U+0085): 'c\\u0085'${tail}`,
      `F:8:13 error 'source' in connection 'c\\u0085' contains a control character (U+001B): 'pg\\u001b[2J'${tail}`,
      `F:9:18 error 'destination' in connection 'c\\u0085' contains an invisible bidi control character (U+2066): 's3\\u2066'${tail}`,
      `F:11:15 error 'name' in stream 'users\\u007f' of connection 'c\\u0085' contains a control character (U+007F): 'users\\u007f'${tail}`,
      `F:12:20 error 'namespace' in stream 'users\\u007f' of connection 'c\\u0085' contains an invisible bidi control character (U+200F): 'pub\\u200flic'${tail}`,
    ]);
  });

  it('prints no raw control character in the validate report', () => {
    const { result } = load(['sources:', '  - name: "x\\e]0;owned\\a\\n- source \'evil\' will be deleted"'].join('\n'));
    const text = renderText(result, plain);
    // eslint-disable-next-line no-control-regex
    expect(text).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/u);
    expect(text.split('\n').filter((line) => line.startsWith('- source'))).toEqual([]);
  });

  it('accepts names in any script, with emoji and punctuation', () => {
    expect(load(['sources:', '  - name: "Données — Zürich 東京 🚀 (prod) / x|y"'].join('\n')).problems).toEqual([]);
  });
});

describe('the validate report escapes every message', () => {
  it('shows a dangling reference to a hostile name escaped', () => {
    const { result } = load(
      [
        'connections:',
        '  - name: c',
        '    source: "pg\\n- source \'evil\' will be deleted"',
        '    destination: d',
        '    streams: [{ name: s, syncMode: full_refresh, destinationSyncMode: append }]',
      ].join('\n'),
    );
    const text = renderText(result, plain);
    expect(text).toContain("connection 'c' refers to unknown source 'pg\\u000a- source 'evil' will be deleted'");
    expect(text.split('\n').filter((line) => line.startsWith('- source'))).toEqual([]);
  });
});

describe('names that look the same', () => {
  const tail = 'Airbyte would hold two resources a reviewer cannot tell apart: rename one, or write both the same way';
  it('warns at the second name, naming both, for look-alike letters, normalisation and zero-width characters', () => {
    const { problems } = load(
      [
        'sources:',
        '  - name: pg',
        '  - name: "\u0440g"',
        'destinations:',
        '  - name: "caf\u00e9"',
        '  - name: "cafe\u0301"',
        '  - name: lake',
        '  - name: "la\u200bke"',
        '  - name: "\u0395U"',
      ].join('\n'),
    );
    expect(problems.filter((p) => p.includes('looks the same'))).toEqual(
      [
        `F:3:11 warning source '\u0440g' looks the same as source 'pg' at F:2:11 but is a different name (they differ only by look-alike letters from another script or by Unicode normalisation; character 1 is U+0440 here and U+0070 there); ${tail}`,
        `F:6:11 warning destination 'cafe\u0301' looks the same as destination 'caf\u00e9' at F:5:11 but is a different name (they differ only by Unicode normalisation; character 4 is U+0065 here and U+00E9 there); ${tail}`,
        `F:8:11 warning destination 'la\\u200bke' looks the same as destination 'lake' at F:7:11 but is a different name (they differ only by zero-width characters; character 3 is U+200B here and U+006B there); ${tail}`,
      ].map((line) => line.replaceAll('F:', `${'F'}:`)),
    );
  });

  it('says nothing about distinct names in other scripts', () => {
    const { problems } = load(
      ['sources:', '  - name: "\u0434\u0430\u043d\u043d\u044b\u0435"', '  - name: "\u03b4\u03b5\u03b4\u03bf\u03bc\u03ad\u03bd\u03b1"', '  - name: data'].join(
        '\n',
      ),
    );
    expect(problems).toEqual([]);
  });
});

/** The bodies posted on GitHub, as pure functions: marker, key, heading, cut under the limit, redaction, fences. */
import { describe, expect, it } from 'vitest';
import { GitopsError } from '../../src/errors.js';
import {
  checkKey,
  commentBody,
  driftBody,
  fenced,
  GITHUB_BODY_LIMIT,
  hasMarker,
  marker,
  summaryBody,
  SUMMARY_LIMIT_BYTES,
  type PlanOutcome,
} from '../../src/github/body.js';

type Planned = Extract<PlanOutcome, { kind: 'planned' }>;

/** A plan whose Markdown is `blocks` blocks of `size` characters, cut between blocks with a note as renderMarkdown does. */
function planned(blocks: number, size = 1000, changes = true): Planned {
  const all = Array.from({ length: blocks }, (_, i) => `<details>\nblock ${i} ${'y'.repeat(size)}\n</details>\n`);
  return {
    kind: 'planned',
    changes,
    summary: changes ? 'Plan: 1 to create, 2 to update, 0 to delete.' : 'No changes. Airbyte matches the pipeline.',
    markdown: (limit) => {
      let text = '';
      for (const block of all) {
        if (text.length + block.length > limit - 100) return `${text}\n> **… truncated**\n`;
        text += block;
      }
      return text;
    },
  };
}

const rules = { secrets: [], limit: GITHUB_BODY_LIMIT };
const RUN = 'https://github.com/acme/pipelines/actions/runs/9';

describe('key and marker', () => {
  it.each(['default', 'prod', 'eu-west_1.b', 'A'.repeat(64)])('%s is a key', (key) => expect(checkKey(key)).toBe(key));

  it.each(['', 'two words', 'x-->', 'a/b', 'ünï', 'A'.repeat(65), 'x\n'])('%j is not', (key) => {
    expect(() => checkKey(key)).toThrow(GitopsError);
  });

  it('the marker is an HTML comment naming the kind and key; only a first line counts', () => {
    expect(marker('plan', 'default')).toBe('<!-- airbyte-gitops:plan:default -->');
    expect(marker('drift', 'prod')).toBe('<!-- airbyte-gitops:drift:prod -->');
    expect(hasMarker('<!-- airbyte-gitops:plan:default -->\r\nbody', 'plan', 'default')).toBe(true);
    expect(hasMarker('<!-- airbyte-gitops:plan:default -->', 'plan', 'prod')).toBe(false);
    expect(hasMarker('<!-- airbyte-gitops:plan:default -->', 'drift', 'default')).toBe(false);
    expect(hasMarker('> <!-- airbyte-gitops:plan:default -->', 'plan', 'default')).toBe(false);
    expect(hasMarker('hello\n<!-- airbyte-gitops:plan:default -->', 'plan', 'default')).toBe(false);
    expect(hasMarker(undefined, 'plan', 'default')).toBe(false);
  });
});

describe('the comment', () => {
  it('says no changes at the top of a clean plan, with the pull request head and the job log', () => {
    // The head is named as such: the job checked out another commit (the merge commit, or the base).
    const body = commentBody('default', planned(1, 10, false), { head: 'ABCDEF0123456', sha: '9999999999', runUrl: RUN }, rules);
    expect(body.split('\n').slice(0, 4)).toEqual([
      '<!-- airbyte-gitops:plan:default -->',
      '## ✅ Airbyte plan: no changes',
      '',
      `<sub>Pull request head <code>ABCDEF0</code> · <a href="${RUN}">job log</a></sub>`,
    ]);
    expect(body).not.toContain('cut to fit');
    expect(body).not.toContain('9999999');
  });

  it('without a pull request head, names the commit the job ran on', () => {
    const body = commentBody('default', planned(1, 10, false), { sha: '9999999999' }, rules);
    expect(body.split('\n')[3]).toBe('<sub>Commit <code>9999999</code></sub>');
  });

  it('names the counts in the heading of a plan with changes, and its key when not the default', () => {
    const body = commentBody('prod', planned(1), {}, rules);
    expect(body.split('\n').slice(0, 3)).toEqual(['<!-- airbyte-gitops:plan:prod -->', '## 📝 Airbyte plan: 1 to create, 2 to update, 0 to delete (prod)', '']);
  });

  it('a long plan is cut under 65,536 characters with a line linking the job log', () => {
    const body = commentBody('default', planned(200), { runUrl: RUN }, rules);
    expect(body.length).toBeLessThanOrEqual(GITHUB_BODY_LIMIT);
    expect(body.length).toBeGreaterThan(GITHUB_BODY_LIMIT - 3000);
    expect(body.trimEnd().endsWith(`> **The plan is cut to fit in a GitHub comment.** The whole plan is in [the job log](${RUN}) and the job summary.`)).toBe(
      true,
    );
    expect((body.match(/<details>/g) ?? []).length).toBe((body.match(/<\/details>/g) ?? []).length);
  });

  it('redacts the run’s secrets, and still fits when redaction makes the plan longer', () => {
    // A 4-character secret in every block: each becomes `(sensitive)`, 7 characters longer.
    const secret = 'k9Zq';
    const outcome = planned(200);
    const withSecret: Planned = { ...outcome, markdown: (limit) => outcome.markdown(limit).replaceAll('y'.repeat(50), `${secret.repeat(12)}yy`) };
    const body = commentBody('default', withSecret, {}, { secrets: [secret], limit: GITHUB_BODY_LIMIT });
    expect(body).not.toContain(secret);
    expect(body).toContain('(sensitive)');
    expect(body.length).toBeLessThanOrEqual(GITHUB_BODY_LIMIT);
  });

  it('a failure shows the message in a fence, redacted, control characters visible', () => {
    const outcome: PlanOutcome = { kind: 'failed', message: 'error: cannot log in with hunter22-pass\nhint: \u001b[2Jcheck ``` it' };
    const body = commentBody('default', outcome, {}, { secrets: ['hunter22-pass'], limit: GITHUB_BODY_LIMIT });
    expect(body).toContain('## ❌ Airbyte plan failed');
    expect(body).toContain('````text\nerror: cannot log in with (sensitive)\nhint: \\u001b[2Jcheck ``` it\n````\n');
  });

  it('a failure message whose control characters grow it sixfold as escapes still fits', () => {
    const message = Array.from({ length: 3000 }, (_, i) => `line ${i} ${'\u0007'.repeat(20)}`).join('\n');
    const body = commentBody('default', { kind: 'failed', message }, {}, rules);
    expect(body.length).toBeLessThanOrEqual(GITHUB_BODY_LIMIT);
    expect(body).toContain(`line 0 ${'\\u0007'.repeat(20)}\n`);
    expect(body).toMatch(/\n… \d+ more lines in the job log\n```\n$/);
  });

  it('a failure message too long for a comment keeps its first lines and says how many more are in the log', () => {
    const message = Array.from({ length: 5000 }, (_, i) => `pipeline.yaml:${i}:1: error: problem number ${i}`).join('\n');
    const body = commentBody('default', { kind: 'failed', message }, {}, rules);
    expect(body.length).toBeLessThanOrEqual(GITHUB_BODY_LIMIT);
    expect(body).toContain('pipeline.yaml:0:1: error: problem number 0\n');
    expect(body).toMatch(/\n… \d+ more lines in the job log\n```\n$/);
  });
});

describe('secrets and the marker', () => {
  // Words of the marker, the key, the marker's tail up to its line end: none is text the user could keep secret
  // from readers of the workflow, and none may hide the marker the next run looks for.
  const SECRETS = ['gitops', 'plan', 'drift', 'production', 'airbyte-gitops', 'production -->\n'];
  const quoting: Planned = {
    kind: 'planned',
    changes: true,
    summary: 'Plan: 1 to create, 0 to update, 0 to delete.',
    markdown: () => 'names: airbyte-gitops, plan, drift, production\n',
  };
  const under = (body: string) => body.slice(body.indexOf('\n') + 1);

  it.each([
    ['the comment', (secrets: string[]) => commentBody('production', quoting, { head: 'abcdef0123' }, { secrets, limit: GITHUB_BODY_LIMIT }), 'plan'],
    [
      'a failed plan’s comment',
      (secrets: string[]) => commentBody('production', { kind: 'failed', message: 'error: gitops plan production' }, {}, { secrets, limit: GITHUB_BODY_LIMIT }),
      'plan',
    ],
    ['the drift issue', (secrets: string[]) => driftBody('production', quoting, { sha: 'abcdef0123' }, { secrets, limit: GITHUB_BODY_LIMIT }), 'drift'],
  ] as const)('%s keeps its marker whole; the same words under it are redacted', (_, body, kind) => {
    const text = body(SECRETS);
    expect(text.split('\n')[0]).toBe(marker(kind, 'production'));
    expect(hasMarker(text, kind, 'production')).toBe(true);
    for (const secret of SECRETS) expect(under(text)).not.toContain(secret.trim());
    expect(under(text)).toContain('(sensitive)');
    // Without secrets the same words are there: redaction, not their absence, took them out.
    expect(under(body([]))).toContain('production');
  });

  it('a secret equal to a whole default-key marker word still leaves the marker found', () => {
    const text = commentBody('default', quoting, {}, { secrets: ['default', 'airbyte-gitops:plan:default'], limit: GITHUB_BODY_LIMIT });
    expect(hasMarker(text, 'plan', 'default')).toBe(true);
  });

  it('a secret running from the marker line into the text under it is redacted, marker and all', () => {
    // Kept, the marker would show the secret whole across the line break: secrecy wins over finding the comment.
    const secret = 'default -->\n## ✅ Airbyte';
    const text = commentBody('default', planned(1, 10, false), {}, { secrets: [secret], limit: GITHUB_BODY_LIMIT });
    expect(text).not.toContain(secret);
    expect(text).toContain('(sensitive)');
    expect(hasMarker(text, 'plan', 'default')).toBe(false);
  });

  it('the body with its unredacted marker stays under the limit, filled to near it', () => {
    // The key as a secret: redacted it would be `(sensitive)`, 53 characters shorter than the marker kept.
    const key = 'k'.repeat(64);
    const body = commentBody(key, planned(200), { runUrl: RUN }, { secrets: [key], limit: 20_000 });
    expect(hasMarker(body, 'plan', key)).toBe(true);
    expect(body.length).toBeLessThanOrEqual(20_000);
    expect(body.length).toBeGreaterThan(20_000 - 3000);
    expect(under(body)).not.toContain(key);
  });
});

describe('fences', () => {
  it('are longer than any run of backticks inside', () => {
    expect(fenced('plain')).toEqual(['```text', 'plain', '```']);
    expect(fenced('a `````` b')[0]).toBe('```````text');
  });
});

describe('the drift issue and the job summary', () => {
  it('the drift issue starts with its marker and says what drift means, then the plan', () => {
    const body = driftBody('default', planned(2), { sha: 'abcdef0123' }, rules);
    expect(body.split('\n')[0]).toBe('<!-- airbyte-gitops:drift:default -->');
    expect(body).toContain('Airbyte no longer matches the pipeline in Git');
    expect(body).toContain('Commit <code>abcdef0</code>');
    expect(body).toContain('block 1');
  });

  it('the summary has no marker and holds a plan far past a comment’s limit, up to 1 MiB', () => {
    const body = summaryBody('default', planned(200), { runUrl: RUN }, []);
    expect(body).not.toContain('<!--');
    expect(body.startsWith('## 📝 Airbyte plan')).toBe(true);
    expect(body).toContain('block 199');
    const huge = summaryBody('default', planned(2000), { runUrl: RUN }, []);
    expect(Buffer.byteLength(huge)).toBeLessThanOrEqual(SUMMARY_LIMIT_BYTES);
    expect(huge).toContain(`> **The plan is cut to fit in the job summary.** The whole plan is in [the job log](${RUN}).`);
  });
});

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
  it('says no changes at the top of a clean plan, with the commit and the job log', () => {
    const body = commentBody('default', planned(1, 10, false), { sha: 'ABCDEF0123456', runUrl: RUN }, rules);
    expect(body.split('\n').slice(0, 4)).toEqual([
      '<!-- airbyte-gitops:plan:default -->',
      '## ✅ Airbyte plan: no changes',
      '',
      `<sub>Commit <code>ABCDEF0</code> · <a href="${RUN}">job log</a></sub>`,
    ]);
    expect(body).not.toContain('cut to fit');
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

  it('a failure message too long for a comment keeps its first lines and says how many more are in the log', () => {
    const message = Array.from({ length: 5000 }, (_, i) => `pipeline.yaml:${i}:1: error: problem number ${i}`).join('\n');
    const body = commentBody('default', { kind: 'failed', message }, {}, rules);
    expect(body.length).toBeLessThanOrEqual(GITHUB_BODY_LIMIT);
    expect(body).toContain('pipeline.yaml:0:1: error: problem number 0\n');
    expect(body).toMatch(/\n… \d+ more lines in the job log\n```\n$/);
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

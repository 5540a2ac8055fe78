/**
 * A fake GitHub REST API on a loopback port, for tests of what the CLI posts on GitHub: the issue-comment and issue
 * calls the tool makes (lists paginated with a `Link` header as GitHub does, per_page up to 100), the token checked
 * on every call (`Authorization: Bearer <t>` or `token <t>`), a switch that answers every write 403 as GitHub does
 * for a fork's read-only token, and a log of every request for asserts. Stopped after each test.
 *
 * Each token belongs to an account, as on GitHub: what it creates carries that account as `user: {login, type}`.
 * `GET /user` answers a user's token (a personal access token) with its login, and refuses an installation token
 * (the Actions GITHUB_TOKEN, a GitHub App's) with 403 "Resource not accessible by integration". The default token is
 * the Actions one, writing as `github-actions[bot]`.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { cleanupAfterEachTest } from '../cleanup.js';
import { GitHubFailure } from '../../src/github/http.js';

export interface FakeUser {
  login: string;
  type: 'User' | 'Bot';
}

export interface FakeComment {
  id: number;
  issue_number: number;
  body: string;
  user: FakeUser;
}

export interface FakeIssue {
  number: number;
  title: string;
  body: string;
  /** Who opened it. */
  user: FakeUser;
  state: 'open' | 'closed';
  state_reason: string | null;
  labels: string[];
  /** Pull requests are issues too; GitHub lists them among issues with a `pull_request` key. */
  pull_request?: true;
}

export interface RecordedRequest {
  method: string;
  /** Path with the query, as sent. */
  url: string;
  authorization: string | undefined;
  /** The raw request body ('' when none). */
  body: string;
}

/** An answer a test puts in place of the fake's own (a 500, a redirect, garbage, a hang, a connection reset). */
export type Override = (request: RecordedRequest) => { status: number; headers?: Record<string, string>; body?: string } | 'hang' | 'reset' | undefined;

/** The account a token acts as. */
export interface FakeAccount {
  user: FakeUser;
  /** An installation token (GITHUB_TOKEN, a GitHub App's): `GET /user` refuses it with 403. */
  installation: boolean;
}

export interface FakeGitHub {
  /** The API root: GITHUB_API_URL. */
  url: string;
  token: string;
  repository: string;
  requests: RecordedRequest[];
  comments: FakeComment[];
  issues: FakeIssue[];
  /** Every write answered 403 "Resource not accessible by integration" (a fork's pull request). */
  setReadOnly(readOnly: boolean): void;
  /** Answers chosen by the test before the fake's own (undefined: the fake answers). */
  override(handler: Override | undefined): void;
  /** A comment by someone else (or the bot) already on an issue or pull request (default author: octocat). */
  addComment(issueNumber: number, body: string, user?: FakeUser): FakeComment;
  /** An issue already there (default author: octocat). */
  addIssue(issue: Partial<FakeIssue> & { title: string }): FakeIssue;
  /** Another token the fake accepts, acting as `account`. */
  addToken(token: string, account: FakeAccount): void;
  /** Bodies of every POST and PATCH received: what was written to GitHub. */
  sentBodies(): string[];
  stop(): Promise<void>;
}

export const FAKE_TOKEN = 'ghs_fakeTokenValue0123456789';
export const BOT: FakeUser = { login: 'github-actions[bot]', type: 'Bot' };
/** Someone else: the default author of comments and issues a test adds. */
export const OCTOCAT: FakeUser = { login: 'octocat', type: 'User' };
/** GitHub's comment and issue body limit. */
const BODY_LIMIT = 65_536;

const running: FakeGitHub[] = [];
cleanupAfterEachTest(async () => {
  await Promise.all(running.splice(0).map((fake) => fake.stop()));
});

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

export async function startFakeGitHub(options: { token?: string; repository?: string } = {}): Promise<FakeGitHub> {
  const token = options.token ?? FAKE_TOKEN;
  const accounts = new Map<string, FakeAccount>([[token, { user: BOT, installation: true }]]);
  const repository = options.repository ?? 'acme/pipelines';
  const requests: RecordedRequest[] = [];
  const comments: FakeComment[] = [];
  const issues: FakeIssue[] = [];
  let readOnly = false;
  let override: Override | undefined;
  let nextId = 1000;
  let origin = '';

  const send = (response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
    response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
    response.end(body === undefined ? '' : JSON.stringify(body));
  };

  /** One page of `items`, with GitHub's Link header (absolute URLs on this server) when there are more. */
  const page = (response: ServerResponse, url: URL, items: unknown[]) => {
    const perPage = Math.min(100, Math.max(1, Number(url.searchParams.get('per_page') ?? 30)));
    const current = Math.max(1, Number(url.searchParams.get('page') ?? 1));
    const last = Math.max(1, Math.ceil(items.length / perPage));
    const link = (n: number, rel: string) => {
      const target = new URL(url.href);
      target.searchParams.set('page', String(n));
      return `<${target.href}>; rel="${rel}"`;
    };
    const links = [
      ...(current < last ? [link(current + 1, 'next'), link(last, 'last')] : []),
      ...(current > 1 ? [link(1, 'first'), link(current - 1, 'prev')] : []),
    ];
    send(response, 200, items.slice((current - 1) * perPage, current * perPage), links.length > 0 ? { link: links.join(', ') } : {});
  };

  const issueJson = (issue: FakeIssue) => ({
    ...issue,
    labels: issue.labels.map((name) => ({ name })),
    pull_request: issue.pull_request ? { url: 'x' } : undefined,
  });

  const handle = async (request: IncomingMessage, response: ServerResponse) => {
    const body = await readBody(request);
    const recorded: RecordedRequest = { method: request.method ?? '', url: request.url ?? '', authorization: request.headers.authorization, body };
    requests.push(recorded);
    const chosen = override?.(recorded);
    if (chosen === 'hang') return; // never answered: the client's deadline ends it
    if (chosen === 'reset') return void request.socket.destroy();
    if (chosen !== undefined) {
      response.writeHead(chosen.status, chosen.headers ?? {});
      response.end(chosen.body ?? '');
      return;
    }
    const auth = /^(?:Bearer|token) (.+)$/.exec(request.headers.authorization ?? '')?.[1];
    const account = auth === undefined ? undefined : accounts.get(auth);
    if (account === undefined) return send(response, 401, { message: 'Bad credentials' });
    const url = new URL(request.url ?? '/', origin);
    if (url.pathname === '/user' && request.method === 'GET') {
      if (account.installation) return send(response, 403, { message: 'Resource not accessible by integration' });
      return send(response, 200, { login: account.user.login, type: account.user.type });
    }
    const prefix = `/repos/${repository}/`;
    if (!url.pathname.startsWith(prefix)) return send(response, 404, { message: 'Not Found' });
    const route = url.pathname.slice(prefix.length);
    const write = request.method === 'POST' || request.method === 'PATCH';
    if (write && readOnly) return send(response, 403, { message: 'Resource not accessible by integration' });
    let input: Record<string, unknown> = {};
    if (write) {
      try {
        input = JSON.parse(body) as Record<string, unknown>;
      } catch {
        return send(response, 400, { message: 'Problems parsing JSON' });
      }
      if (typeof input['body'] === 'string' && input['body'].length > BODY_LIMIT) {
        return send(response, 422, { message: 'Validation Failed', errors: [{ message: `body is too long (maximum is ${BODY_LIMIT} characters)` }] });
      }
    }
    let match: RegExpExecArray | null;
    if ((match = /^issues\/(\d+)\/comments$/.exec(route)) !== null) {
      const number = Number(match[1]);
      if (request.method === 'GET')
        return page(
          response,
          url,
          comments.filter((comment) => comment.issue_number === number),
        );
      if (request.method === 'POST') {
        const comment = { id: nextId++, issue_number: number, body: String(input['body'] ?? ''), user: account.user };
        comments.push(comment);
        return send(response, 201, comment);
      }
    }
    if ((match = /^issues\/comments\/(\d+)$/.exec(route)) !== null && request.method === 'PATCH') {
      const comment = comments.find((item) => item.id === Number(match?.[1]));
      if (comment === undefined) return send(response, 404, { message: 'Not Found' });
      comment.body = String(input['body'] ?? '');
      return send(response, 200, comment);
    }
    if (route === 'issues' && request.method === 'GET') {
      const state = url.searchParams.get('state') ?? 'open';
      const labels = (url.searchParams.get('labels') ?? '').split(',').filter(Boolean);
      const listed = issues.filter((issue) => (state === 'all' || issue.state === state) && labels.every((label) => issue.labels.includes(label)));
      return page(response, url, listed.map(issueJson));
    }
    if (route === 'issues' && request.method === 'POST') {
      const issue: FakeIssue = {
        number: nextId++,
        title: String(input['title'] ?? ''),
        body: String(input['body'] ?? ''),
        user: account.user,
        state: 'open',
        state_reason: null,
        labels: Array.isArray(input['labels']) ? input['labels'].map(String) : [],
      };
      issues.push(issue);
      return send(response, 201, issueJson(issue));
    }
    if ((match = /^issues\/(\d+)$/.exec(route)) !== null && request.method === 'PATCH') {
      const issue = issues.find((item) => item.number === Number(match?.[1]));
      if (issue === undefined) return send(response, 404, { message: 'Not Found' });
      if (typeof input['title'] === 'string') issue.title = input['title'];
      if (typeof input['body'] === 'string') issue.body = input['body'];
      if (input['state'] === 'open' || input['state'] === 'closed') issue.state = input['state'];
      if (typeof input['state_reason'] === 'string') issue.state_reason = input['state_reason'];
      return send(response, 200, issueJson(issue));
    }
    return send(response, 404, { message: 'Not Found' });
  };

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => send(response, 500, { message: String(error) }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const fake: FakeGitHub = {
    url: origin,
    token,
    repository,
    requests,
    comments,
    issues,
    setReadOnly: (value) => (readOnly = value),
    override: (handler) => (override = handler),
    addComment(issueNumber, body, user = OCTOCAT) {
      const comment = { id: nextId++, issue_number: issueNumber, body, user };
      comments.push(comment);
      return comment;
    },
    addIssue(issue) {
      const created: FakeIssue = { number: nextId++, body: '', user: OCTOCAT, state: 'open', state_reason: null, labels: [], ...issue };
      issues.push(created);
      return created;
    },
    addToken: (other, account) => void accounts.set(other, account),
    sentBodies: () => requests.filter((request) => request.method === 'POST' || request.method === 'PATCH').map((request) => request.body),
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  running.push(fake);
  return fake;
}

/** The GitHubFailure a call of the client ends with (fails the test when it succeeds or fails otherwise). */
export async function failureOf(promise: Promise<unknown>): Promise<GitHubFailure> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof GitHubFailure) return error;
    throw error;
  }
  throw new Error('expected a GitHubFailure');
}

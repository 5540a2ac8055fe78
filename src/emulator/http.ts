/** node:http plumbing: body reading and writing answers. Nothing here knows about Airbyte. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Json } from '../api/types.js';

const MAX_BODY_BYTES = 16 * 1024 * 1024;

/** The request body as text; bodies over 16 MiB are cut off (the real server has a similar limit). */
export async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > MAX_BODY_BYTES) break;
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** JSON answer; `body` undefined sends an empty body (204). */
export function sendJson(response: ServerResponse, status: number, body?: Json, headers: Record<string, string> = {}): void {
  if (body === undefined) {
    response.writeHead(status, headers).end();
    return;
  }
  const text = JSON.stringify(body);
  response.writeHead(status, { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(text)), ...headers }).end(text);
}

export function sendText(response: ServerResponse, status: number, text: string, headers: Record<string, string>): void {
  response.writeHead(status, { 'content-length': String(Buffer.byteLength(text)), ...headers }).end(text);
}

/** Closes the connection without an answer: the client sees a reset / "socket hang up". */
export function dropConnection(response: ServerResponse): void {
  response.socket?.destroy();
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * What every command that talks to Airbyte shares when it runs: a client (against a real server or the embedded
 * emulator), and closing it afterwards so the process ends promptly. The flags themselves are defined in
 * ./define/connect.ts.
 */
import { GitopsError } from '../errors.js';
import { clientOptionsFromEnv, createClient, type AirbyteClient } from '../client/index.js';
import type { CommandIo } from './io.js';

/** Flags shared by the commands that talk to Airbyte. */
export interface ConnectFlags {
  url?: string;
  workspace?: string;
  emulator?: boolean;
  debug?: boolean;
}

/** What a command asks of its client besides the flags. */
export interface ClientNeeds {
  /** Sockets kept open to the server at most (apply: one per operation in flight); the client's default otherwise. */
  connections?: number;
}

/** Runs `work` with a connected client, then closes it (and the embedded emulator, if one was started). */
export async function withClient<T>(io: CommandIo, flags: ConnectFlags, work: (client: AirbyteClient) => Promise<T>, needs: ClientNeeds = {}): Promise<T> {
  if (flags.emulator && flags.url !== undefined) {
    throw new GitopsError('USAGE', '--emulator and --url both name a server: give one of them', {
      hint: '--emulator runs against the embedded emulator (AIRBYTE_URL is ignored then); --url against a running Airbyte.',
    });
  }
  // The emulator is loaded only when asked for: commands against a real server do not pay for it.
  const emulator = flags.emulator
    ? await (
        await import('../emulator/embedded.js')
      ).startEmbeddedEmulator({
        cwd: io.cwd,
        env: io.env,
        note: (line) => io.stderr.write(`${line}\n`),
      })
    : undefined;
  try {
    const options = clientOptionsFromEnv(io.env, {
      ...(emulator ? { url: emulator.url } : flags.url === undefined ? {} : { url: flags.url }),
      ...(flags.debug ? { debug: true } : {}),
    });
    // Debug lines go to this run's stderr (the client's default is the process's).
    if (flags.debug) options.debug = (line) => io.stderr.write(`debug: ${line}\n`);
    // The embedded emulator has no auth: credentials meant for a real server are not sent to it.
    if (emulator) {
      options.auth = { mode: 'none' };
      delete options.tokenUrl;
    }
    options.warn = (message) => io.stderr.write(`warning: ${message}\n`);
    if (needs.connections !== undefined) options.maxConnections = needs.connections;
    const client = createClient(options);
    try {
      return await work(client);
    } catch (error) {
      // The embedded emulator explains what it can: a connector it does not know, a catalog it made up.
      throw emulator ? emulator.explain(error) : error;
    } finally {
      await client.close();
    }
  } finally {
    await emulator?.stop();
  }
}

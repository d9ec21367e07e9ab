/**
 * Start the server listening: 127.0.0.1 unless told otherwise, on the given port (0 picks a free
 * one). Returns the URL to print and a stop function. The CLI command and the tests both use it.
 */
import { availableParallelism } from 'node:os';
import type { AddressInfo } from 'node:net';
import { createServer, type Server, type ServeOptions } from './server.ts';
import { isLoopback } from './loopback.ts';

/** Where to listen. */
export interface ListenOptions {
  /** Interface; 127.0.0.1 by default (only this computer can open the page). */
  host?: string;
  /** Port; 0 picks a free one. */
  port: number;
}

/** A listening server. */
export interface Started {
  /** The page's address. */
  url: string;
  /** The server. */
  server: Server;
  /** Stop it and clean up. */
  close(): Promise<void>;
}

/** Default number of render workers: two (one busy with a long manuscript leaves one free), at most the CPUs. */
export function defaultWorkers(): number {
  return Math.max(1, Math.min(2, availableParallelism()));
}

export { isLoopback } from './loopback.ts';

/** Create the server and listen. */
export async function startServe(options: Omit<ServeOptions, 'workers'> & Partial<Pick<ServeOptions, 'workers'>> & ListenOptions): Promise<Started> {
  const host = options.host ?? '127.0.0.1';
  const server = await createServer({ ...options, workers: options.workers ?? defaultWorkers(), loopbackOnly: isLoopback(host) });
  try {
    await server.app.listen({ host, port: options.port });
  } catch (e) {
    await server.close();
    throw e;
  }
  const address = server.app.server.address() as AddressInfo;
  const shown = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return { url: `http://${shown}:${address.port}/`, server, close: () => server.close() };
}

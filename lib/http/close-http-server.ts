// Graceful stop of an HTTP server (server.ts on SIGTERM): stop accepting, let the requests in flight finish,
// close each connection as soon as it has nothing in flight, and cut whatever is left after `graceMs`.
import type { Server } from 'node:http';

// a keep-alive connection becomes idle when its response ends; server.close() closes only the ones idle at
// the moment it is called, the others would linger for keepAliveTimeout (5 s)
const IDLE_SWEEP_MS = 50;

/** Resolves once every connection is closed; `forced` when some had to be cut at the deadline. */
export function closeHttpServer(server: Server, graceMs: number): Promise<{ forced: boolean }> {
  // a response still to be written tells its client not to send another request on this connection
  server.prependListener('request', (_request, response) => {
    if (!response.headersSent) response.setHeader('connection', 'close');
  });
  return new Promise((resolve) => {
    let forced = false;
    const sweep = setInterval(() => server.closeIdleConnections(), IDLE_SWEEP_MS);
    const deadline = setTimeout(() => {
      forced = true;
      server.closeAllConnections();
    }, graceMs);
    server.close(() => {
      clearInterval(sweep);
      clearTimeout(deadline);
      resolve({ forced });
    });
  });
}

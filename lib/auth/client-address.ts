// The client address that sign-in is rate-limited by.
//
// There is no TRUST_PROXY setting, so no client-supplied forwarding header is believed as a whole:
//  1. CLIENT_ADDRESS_HEADER, which server.ts sets from the TCP socket (req.socket.remoteAddress) on every
//     request, overwriting whatever the client sent: the socket address, when available.
//  2. else the last hop of X-Forwarded-For: Next.js fills it from the socket when the client sent none,
//     and a reverse proxy in front appends the address it saw last. The earlier hops are whatever the
//     client wrote and are ignored.
//  3. else 'unknown' (all such requests share one per-address budget; the per-account limit still holds).
export const CLIENT_ADDRESS_HEADER = 'x-dw-client-address';

const MAX_ADDRESS_LENGTH = 64;

export function clientAddress(headers: Headers): string {
  const fromSocket = headers.get(CLIENT_ADDRESS_HEADER)?.trim();
  if (fromSocket) return normalizeAddress(fromSocket);
  const lastHop = headers
    .get('x-forwarded-for')
    ?.split(',')
    .map((hop) => hop.trim())
    .filter((hop) => hop.length > 0)
    .at(-1);
  if (lastHop) return normalizeAddress(lastHop);
  return 'unknown';
}

// '::ffff:127.0.0.1' (IPv4 on a dual-stack socket) and '127.0.0.1' are one client
function normalizeAddress(address: string): string {
  return address.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, '').slice(0, MAX_ADDRESS_LENGTH);
}

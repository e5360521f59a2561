// Security headers on every response; BullMQ and ioredis stay out of the bundle (they run in Node only).
const securityHeaders = [
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'X-Frame-Options', value: 'DENY' },
  { key: 'Referrer-Policy', value: 'same-origin' },
  { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=()' },
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  // forbidden() answers a page beyond the user's scope with a real 403 (app/(dashboard)/forbidden.tsx)
  experimental: { authInterrupts: true },
  poweredByHeader: false,
  // `npm test` type-checks the whole tree once with tsc; the build need not do it again (about 25 s here)
  typescript: { ignoreBuildErrors: true },
  serverExternalPackages: ['bullmq', 'ioredis', 'pino', '@node-rs/argon2', 'postgres', 'rate-limiter-flexible'],
  async headers() {
    return [{ source: '/:path*', headers: securityHeaders }];
  },
};

export default nextConfig;

import { describe, expect, it } from 'vitest';

interface HeaderRules {
  headers: () => Promise<{ source: string; headers: { key: string; value: string }[] }[]>;
}
import { SECURITY_HEADERS } from './security-headers';

describe('SECURITY_HEADERS', () => {
  it('are the headers next.config.js puts on every Next.js response', async () => {
    // next.config.js is plain JavaScript: typed here by the part of Next.js's config this test reads
    const nextConfig = ((await import('../../next.config.js' as string)) as { default: HeaderRules }).default;
    const rules = await nextConfig.headers();
    const everyPath = rules.find((rule) => rule.source === '/:path*');
    expect(Object.fromEntries(everyPath!.headers.map(({ key, value }) => [key, value]))).toEqual(SECURITY_HEADERS);
  });
});

import { describe, expect, it } from 'vitest';
import { CLIENT_ADDRESS_HEADER, clientAddress } from './client-address';

describe('clientAddress', () => {
  it('prefers the socket address that server.ts puts in its own header', () => {
    const headers = new Headers({ [CLIENT_ADDRESS_HEADER]: '::ffff:10.0.0.7', 'x-forwarded-for': '1.2.3.4' });
    expect(clientAddress(headers)).toBe('10.0.0.7');
  });

  it('otherwise takes the last X-Forwarded-For hop, never the client-written first ones', () => {
    expect(clientAddress(new Headers({ 'x-forwarded-for': '6.6.6.6, 10.0.0.9' }))).toBe('10.0.0.9');
    expect(clientAddress(new Headers({ 'x-forwarded-for': '2001:db8::1' }))).toBe('2001:db8::1');
  });

  it("falls back to 'unknown'", () => {
    expect(clientAddress(new Headers())).toBe('unknown');
    expect(clientAddress(new Headers({ 'x-forwarded-for': ' , ' }))).toBe('unknown');
  });
});

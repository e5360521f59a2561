import { describe, expect, it } from 'vitest';
import { isCrossSiteRequest } from './same-origin';

const request = (method: string, headers: Record<string, string>) =>
  new Request('http://127.0.0.1:3000/api/v1/session', { method, headers });

describe('isCrossSiteRequest', () => {
  it('allows a same-origin POST', () => {
    expect(isCrossSiteRequest(request('POST', { host: 'dw.example.gov.cn', origin: 'https://dw.example.gov.cn' }))).toBe(false);
    expect(isCrossSiteRequest(request('DELETE', { host: '127.0.0.1:3000', origin: 'http://127.0.0.1:3000' }))).toBe(false);
  });

  it('allows requests without Origin (CMS ingest, curl)', () => {
    expect(isCrossSiteRequest(request('POST', { host: 'dw.example.gov.cn' }))).toBe(false);
  });

  it('refuses a state-changing request from another host, port or an opaque origin', () => {
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE']) {
      expect(isCrossSiteRequest(request(method, { host: 'dw.example.gov.cn', origin: 'https://evil.example' }))).toBe(true);
    }
    expect(isCrossSiteRequest(request('POST', { host: '127.0.0.1:3000', origin: 'http://127.0.0.1:4000' }))).toBe(true);
    expect(isCrossSiteRequest(request('POST', { host: 'dw.example.gov.cn', origin: 'null' }))).toBe(true);
    expect(isCrossSiteRequest(request('POST', { host: 'dw.example.gov.cn', origin: 'not a url' }))).toBe(true);
    expect(isCrossSiteRequest(request('POST', { host: 'dw.example.gov.cn', origin: 'https://dw.example.gov.cn.evil.example' }))).toBe(true);
  });

  it('compares hosts case-insensitively and ignores an explicit default port', () => {
    expect(isCrossSiteRequest(request('POST', { host: 'DW.example.gov.cn:443', origin: 'https://dw.example.gov.cn' }))).toBe(false);
  });

  it('never refuses reads', () => {
    expect(isCrossSiteRequest(request('GET', { host: 'dw.example.gov.cn', origin: 'https://evil.example' }))).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { loginPath, safeNextPath } from './safe-next-path';

describe('safeNextPath', () => {
  it('keeps a path on this site, with its query', () => {
    expect(safeNextPath('/regions')).toBe('/regions');
    expect(safeNextPath('/alerts?level=red&state=open')).toBe('/alerts?level=red&state=open');
    expect(safeNextPath('/')).toBe('/');
  });

  it.each([
    ['https://evil.example/'],
    ['//evil.example/x'],
    ['/\\evil.example'],
    ['\\\\evil.example'],
    ['/\t/evil.example'],
    ['javascript:alert(1)'],
    ['regions'],
    [''],
    [null],
    [undefined],
    ['/login'],
    ['/login?next=/regions'],
  ])('refuses %j', (value) => {
    expect(safeNextPath(value)).toBeNull();
  });
});

describe('loginPath', () => {
  it('names where to return to, and why the user is asked to sign in again', () => {
    expect(loginPath('/complaints?state=accepted')).toBe('/login?next=%2Fcomplaints%3Fstate%3Daccepted');
    expect(loginPath('/', { isSessionEnded: true })).toBe('/login?next=%2F&reason=session-ended');
    expect(loginPath('https://evil.example/', { isSessionEnded: true })).toBe('/login?next=%2F&reason=session-ended');
  });
});

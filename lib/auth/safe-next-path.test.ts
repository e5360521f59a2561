import { describe, expect, it } from 'vitest';
import { safeNextPath } from './safe-next-path';

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

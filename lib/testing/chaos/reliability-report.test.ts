import { describe, expect, it } from 'vitest';
import { replaceSection } from './reliability-report';

describe('replaceSection', () => {
  it('creates the document with both sections and fills the one asked for', () => {
    const document = replaceSection(null, 'faults', '## Fault suite\n\nfigures A');
    expect(document).toMatch(/^# Reliability/);
    expect(document).toContain('figures A');
    expect(document).toContain('## Soak\n\nNot run yet.');
  });

  it('replaces one section and keeps the other', () => {
    const first = replaceSection(null, 'faults', 'faults A');
    const second = replaceSection(first, 'soak', 'soak B');
    const third = replaceSection(second, 'faults', 'faults C');
    expect(third).toContain('soak B');
    expect(third).toContain('faults C');
    expect(third).not.toContain('faults A');
    expect(third.match(/chaos:faults:begin/g)).toHaveLength(1);
  });
});

import { describe, expect, it } from 'vitest';
import { completenessMessage } from './completeness-message';
import type { Finding } from './evaluate-completeness';

const finding = (message: string): Finding => ({ element: 'indexNo', problem: 'missing', message });

describe('completenessMessage', () => {
  it('joins the findings into one message', () => {
    expect(completenessMessage([finding('缺少索引号'), finding('内容概述超过100字（当前 123 字）')])).toBe(
      '信息不完整：缺少索引号；内容概述超过100字（当前 123 字）',
    );
  });

  it('is empty without findings', () => {
    expect(completenessMessage([])).toBe('');
  });

  it('keeps whole findings, gives the total and marks the cut when too long', () => {
    const findings = ['缺少索引号', '缺少文号', '缺少发布机构', '缺少正文'].map(finding);
    expect(completenessMessage(findings, 28)).toBe('信息不完整：缺少索引号；缺少文号；缺少发布机构；缺少正文');
    expect(completenessMessage(findings, 27)).toBe('信息不完整（共 4 项）：缺少索引号；缺少文号……');
    expect([...completenessMessage(findings, 27)].length).toBeLessThanOrEqual(27);
  });

  it('cuts a single finding that is too long by itself', () => {
    const message = completenessMessage([finding('发布机构应为全称“' + '很长'.repeat(200) + '”')]);
    expect([...message].length).toBe(200);
    expect(message.startsWith('信息不完整（共 1 项）：发布机构应为全称“很长')).toBe(true);
    expect(message.endsWith('……')).toBe(true);
  });

  it('stays within the default limit for many findings', () => {
    const findings = Array.from({ length: 50 }, (_, i) => finding(`缺少第${i + 1}号表`));
    const message = completenessMessage(findings);
    expect([...message].length).toBeLessThanOrEqual(200);
    expect(message).toMatch(/^信息不完整（共 50 项）：缺少第1号表；缺少第2号表；.*……$/);
  });
});

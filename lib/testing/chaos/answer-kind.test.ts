import { describe, expect, it } from 'vitest';
import { classifyAnswer } from './answer-kind';

describe('classifyAnswer', () => {
  it('accepts 201 and 200', () => {
    expect(classifyAnswer(201, '{"id":1}')).toBe('accepted');
    expect(classifyAnswer(200, '{"id":1}')).toBe('accepted');
  });

  it('calls a 503 clear only with the contract error body', () => {
    expect(classifyAnswer(503, JSON.stringify({ error: { code: 'unavailable', message: '服务暂时不可用，请稍后再试' } }))).toBe('clear_503');
    expect(classifyAnswer(503, 'Service Unavailable')).toBe('unclear_503');
    expect(classifyAnswer(503, JSON.stringify({ error: { code: 'unavailable' } }))).toBe('unclear_503');
  });

  it('keeps 500s apart from other statuses', () => {
    expect(classifyAnswer(500, 'Internal Server Error')).toBe('status_500');
    expect(classifyAnswer(502, '')).toBe('other_status');
    expect(classifyAnswer(400, '{"error":{"code":"invalid","message":"x"}}')).toBe('other_status');
  });
});

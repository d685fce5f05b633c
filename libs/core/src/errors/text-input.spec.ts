import { TEXT_LIMITS, textProblem } from './text-input';

describe('textProblem', () => {
  it('counts characters, not UTF-16 units: 100 emoji are 100 characters', () => {
    expect(textProblem('😀'.repeat(100), TEXT_LIMITS.short)).toBeUndefined();
    expect(textProblem('😀'.repeat(101), TEXT_LIMITS.short)?.reason).toBe('TEXT_TOO_LONG');
  });

  it('refuses NUL and other control characters; lines and tabs only in multi-line text', () => {
    expect(textProblem('a\u0000b', TEXT_LIMITS.text)?.message).toMatch(/U\+0000/);
    expect(textProblem('a\u001bb', TEXT_LIMITS.text)?.reason).toBe('CONTROL_CHARACTER');
    expect(textProblem('a\u007fb', TEXT_LIMITS.text)?.reason).toBe('CONTROL_CHARACTER');
    expect(textProblem('rad 1\r\n\trad 2', TEXT_LIMITS.text)).toBeUndefined();
    expect(textProblem('rad 1\nrad 2', TEXT_LIMITS.short)?.reason).toBe('CONTROL_CHARACTER');
    expect(textProblem('Åsa Öberg-Ärlig', TEXT_LIMITS.short)).toBeUndefined();
  });
});

import { startOfWeek } from './field-work.js';

describe('startOfWeek', () => {
  it('should start weeks on Monday', () => {
    expect(startOfWeek('2026-03-10')).toBe('2026-03-09'); // a Tuesday
    expect(startOfWeek('2026-03-09')).toBe('2026-03-09'); // a Monday
    expect(startOfWeek('2026-03-15')).toBe('2026-03-09'); // a Sunday
    expect(startOfWeek('2026-01-01')).toBe('2025-12-29'); // across a year
  });
});

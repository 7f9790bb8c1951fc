import { change, formatNumber, holdoutLabel, percent } from './meeting-report.js';

describe('meeting report wording', () => {
  it('should write numbers, changes and rates the Vietnamese way', () => {
    expect(formatNumber(1234.5)).toBe('1.234,5');
    expect(formatNumber(1_040_000)).toBe('1.040.000');
    expect(percent(0.7333)).toBe('73,3 %');
    expect(change(44, 52, 'hộ')).toBe('−8 hộ');
    expect(change(12, 12, 'hộ')).toBe('±0 hộ');
    expect(change(0.75, 0.7, '')).toBe('+0,05');
  });

  it('should name holdout groups by status and condition', () => {
    expect(holdoutLabel('conditional', 'resettlement_housing')).toBe('Đồng ý có điều kiện — Chờ nhà tái định cư');
    expect(holdoutLabel('objecting', null)).toBe('Không đồng ý');
  });
});

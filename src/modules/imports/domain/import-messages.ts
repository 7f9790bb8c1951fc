import type { ValidationError } from 'class-validator';

/** class-validator's constraints, said as a ward officer would read them next to a cell. */
const VIETNAMESE: Readonly<Record<string, (english: string) => string>> = {
  isString: () => 'phải là chữ',
  minLength: () => 'không được để trống',
  maxLength: (english) => `quá dài (tối đa ${/(\d+)/.exec(english)?.[1] ?? '?'} ký tự)`,
  matches: (english) =>
    english.includes('control characters') ? 'có ký tự điều khiển không hợp lệ' : 'có ký tự không được phép',
  isInt: () => 'phải là số nguyên',
  isDecimal: (english) => `phải là số, tối đa ${/(\d+) decimal/.exec(english)?.[1] ?? '2'} chữ số thập phân`,
  min: (english) => `phải từ ${/(-?[\d.]+)$/.exec(english)?.[1] ?? ''} trở lên`.trim(),
  max: (english) => `không được lớn hơn ${/(-?[\d.]+)$/.exec(english)?.[1] ?? ''}`.trim(),
  isBoolean: () => 'phải là "có" hoặc "không"',
  arrayMaxSize: () => 'quá nhiều thửa đất cho một hộ',
};

/** Constraints on the kind of value: when one fails, the others (its range, its length) say nothing more. */
const TYPE_CONSTRAINTS = ['isDecimal', 'isInt', 'isString', 'isBoolean'];

/**
 * Flattens validation errors into `path → messages` in Vietnamese (the English one when no wording is
 * known); a value of the wrong kind gets that one message only.
 */
export function vietnameseFieldErrors(errors: readonly ValidationError[], parent = ''): Record<string, string[]> {
  const fields: Record<string, string[]> = {};
  for (const error of errors) {
    const path = parent ? `${parent}.${error.property}` : error.property;
    if (error.constraints) {
      const failed = Object.entries(error.constraints);
      const kind = failed.filter(([key]) => TYPE_CONSTRAINTS.includes(key));
      fields[path] = (kind.length ? kind : failed).map(([key, english]) => VIETNAMESE[key]?.(english) ?? english);
    }
    if (error.children?.length) Object.assign(fields, vietnameseFieldErrors(error.children, path));
  }
  return fields;
}

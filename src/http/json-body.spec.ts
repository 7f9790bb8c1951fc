import { jsonBodyProblem, MAX_BODY_DEPTH } from './json-body.js';

const nested = (depth: number): unknown => {
  let value: unknown = 'leaf';
  for (let i = 0; i < depth; i++) value = { a: value };
  return value;
};

describe(jsonBodyProblem.name, () => {
  it('should accept an ordinary body with Vietnamese text', () => {
    expect(jsonBodyProblem({ headName: 'Nguyễn Văn Hùng', parcels: [{ areaM2: 10 }] })).toBeNull();
  });

  it('should accept nesting up to the limit and refuse one level more', () => {
    expect(jsonBodyProblem(nested(MAX_BODY_DEPTH))).toBeNull();
    expect(jsonBodyProblem(nested(MAX_BODY_DEPTH + 1))).toContain('nested deeper');
  });

  it('should walk 10 000 levels without overflowing the stack', () => {
    expect(jsonBodyProblem(nested(10_000))).toContain('nested deeper');
  });

  it.each(['\ud800', 'a\udc00b', '\udbff\ud800', 'x\ud83d'])('should refuse the lone surrogate in %j', (text) => {
    expect(jsonBodyProblem({ email: text })).toContain('not valid Unicode');
    expect(jsonBodyProblem({ [text]: 1 })).toContain('not valid Unicode');
  });

  it('should accept a well-formed surrogate pair', () => {
    expect(jsonBodyProblem({ note: 'Hộ có con nhỏ 👶' })).toBeNull();
  });

  it('should refuse keys that reach a prototype', () => {
    expect(jsonBodyProblem(JSON.parse('{"__proto__": {"admin": true}}'))).toContain('__proto__');
    expect(jsonBodyProblem({ constructor: { prototype: {} } })).toContain('constructor');
  });
});

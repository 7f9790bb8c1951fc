import {
  actionForUpdate,
  creationChanges,
  deletionChanges,
  REDACTED,
  toAuditValue,
  updateChanges,
} from './audit-changes.js';

describe(creationChanges.name, () => {
  it('should record every given field as "after", dates as ISO strings and secrets redacted', () => {
    expect(
      creationChanges({
        name: 'Cổng thành phố',
        keyHash: 'a'.repeat(64),
        expiresAt: new Date('2027-01-01T00:00:00Z'),
        note: null,
        skipped: undefined,
      }),
    ).toEqual({
      name: { after: 'Cổng thành phố' },
      keyHash: { after: REDACTED },
      expiresAt: { after: '2027-01-01T00:00:00.000Z' },
      note: { after: null },
    });
  });
});

describe(updateChanges.name, () => {
  const before = { status: 'persuading', memberCount: 4, statusChangedAt: new Date('2026-01-01T00:00:00Z') };

  it('should keep only fields whose value really changed', () => {
    const after = { status: 'agreed', memberCount: 4, statusChangedAt: new Date('2026-01-01T00:00:00Z') };
    expect(updateChanges(['status', 'memberCount', 'statusChangedAt'], before, after)).toEqual({
      status: { before: 'persuading', after: 'agreed' },
    });
  });

  it('should only know "after" when the old row was not loaded', () => {
    expect(updateChanges(['memberCount'], undefined, { memberCount: 5 })).toEqual({ memberCount: { after: 5 } });
  });

  it('should redact both sides of a secret', () => {
    expect(updateChanges(['passwordHash'], { passwordHash: 'x' }, { passwordHash: 'y' })).toEqual({
      passwordHash: { before: REDACTED, after: REDACTED },
    });
  });
});

describe(deletionChanges.name, () => {
  it('should record the removed row as "before"', () => {
    expect(deletionChanges({ areaM2: 120, tokenHash: 'z' })).toEqual({
      areaM2: { before: 120 },
      tokenHash: { before: REDACTED },
    });
  });
});

describe(actionForUpdate.name, () => {
  it.each([
    [{ archivedAt: { before: null, after: '2026-03-10T02:00:00.000Z' } }, 'archive'],
    [{ archivedAt: { before: '2026-03-10T02:00:00.000Z', after: null } }, 'restore'],
    [{ revokedAt: { before: null, after: '2026-03-10T02:00:00.000Z' } }, 'revoke'],
    [{ status: { before: 'persuading', after: 'agreed' }, version: { before: 1, after: 2 } }, 'transition'],
    [{ headName: { before: 'Nguyễn Văn An', after: 'Nguyễn Văn Ân' } }, 'update'],
  ])('should name %j "%s"', (changes, action) => {
    expect(actionForUpdate(changes)).toBe(action);
  });
});

describe(toAuditValue.name, () => {
  it.each([
    [undefined, null],
    [new Date('invalid'), null],
    [12n, '12'],
    [() => 'now()', '[expression]'],
    [{ kind: 'minutes' }, { kind: 'minutes' }],
  ])('should store %p as %p', (value, stored) => {
    expect(toAuditValue(value)).toEqual(stored);
  });

  it('should keep an array or object as it was, whatever is done to the original afterwards', () => {
    const officers = ['Trần Thị Mai'];
    const evidence = [{ kind: 'minutes', on: new Date('2026-03-09T08:00:00Z') }];
    const recorded = creationChanges({ officers, evidence });
    officers.push('Lê Văn Dũng');
    evidence[0].kind = 'notice';
    expect(recorded).toEqual({
      officers: { after: ['Trần Thị Mai'] },
      evidence: { after: [{ kind: 'minutes', on: '2026-03-09T08:00:00.000Z' }] },
    });
  });
});

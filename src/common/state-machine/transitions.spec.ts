import { ActionTable, Transitions } from './transitions.js';

type Light = 'green' | 'amber' | 'red' | 'off';

describe(Transitions.name, () => {
  const lights = Transitions.define<Light>('off', {
    off: ['green'],
    green: ['amber', 'off'],
    amber: ['red'],
    red: ['green'],
  });

  it('should answer which moves a state allows', () => {
    expect(lights.allowed('green')).toEqual(['amber', 'off']);
    expect(lights.can('amber', 'red')).toBe(true);
    expect(lights.can('amber', 'green')).toBe(false);
  });

  it('should find every state reachable from one, through cycles', () => {
    expect([...lights.reachableFrom('amber')].sort()).toEqual(['amber', 'green', 'off', 'red']);
  });

  it('should tell final states', () => {
    const done = Transitions.define<'open' | 'closed'>('open', { open: ['closed'], closed: [] });
    expect(done.isFinal('closed')).toBe(true);
    expect(done.isFinal('open')).toBe(false);
  });

  it('should refuse a table with a state nothing leads to', () => {
    expect(() => Transitions.define<Light>('off', { off: ['green'], green: ['off'], amber: ['red'], red: [] })).toThrow(
      'amber, red cannot be reached from off',
    );
  });

  it('should refuse a move to a state the table does not know', () => {
    expect(() => Transitions.define('a', { a: ['b'] } as unknown as Record<'a', 'a'[]>)).toThrow('unknown state(s) b');
  });
});

describe(ActionTable.name, () => {
  const table = ActionTable.define('open', ['extend', 'close'] as const, {
    open: { extend: 'open', close: 'closed' },
    closed: {},
  });

  it('should lead each allowed action to its state, keeping the state where the action does', () => {
    expect(table.next('open', 'extend')).toBe('open');
    expect(table.next('open', 'close')).toBe('closed');
    expect(table.next('closed', 'close')).toBeUndefined();
  });

  it('should list the actions a state allows in their declared order', () => {
    expect(table.actionsFrom('open')).toEqual(['extend', 'close']);
    expect(table.actionsFrom('closed')).toEqual([]);
  });

  it('should derive the status moves, without self-moves', () => {
    expect(table.transitions.allowed('open')).toEqual(['closed']);
  });
});

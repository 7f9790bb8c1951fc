/**
 * A finite-state machine as data: each state's allowed next states. Defining one checks it is well
 * formed (every target is a state, every state reachable from the initial one), so a table that
 * strands a state fails at start-up and in its unit test, not in production.
 */
export class Transitions<S extends string> {
  readonly states: readonly S[];

  private constructor(
    readonly initial: S,
    private readonly table: Readonly<Record<S, readonly S[]>>,
  ) {
    this.states = Object.keys(table) as S[];
  }

  static define<S extends string>(initial: S, table: Readonly<Record<S, readonly S[]>>): Transitions<S> {
    const machine = new Transitions(initial, table);
    machine.assertWellFormed();
    return machine;
  }

  allowed(from: S): readonly S[] {
    return this.table[from];
  }

  can(from: S, to: S): boolean {
    return this.table[from].includes(to);
  }

  isFinal(state: S): boolean {
    return this.table[state].length === 0;
  }

  isState(value: unknown): value is S {
    return typeof value === 'string' && (this.states as readonly string[]).includes(value);
  }

  /** Every state reachable from `from` in one or more moves (`from` itself only through a cycle). */
  reachableFrom(from: S): Set<S> {
    const seen = new Set<S>();
    const queue: S[] = [...this.table[from]];
    while (queue.length > 0) {
      const next = queue.shift() as S;
      if (seen.has(next)) continue;
      seen.add(next);
      queue.push(...this.table[next]);
    }
    return seen;
  }

  private assertWellFormed(): void {
    for (const [from, targets] of Object.entries(this.table) as Array<[S, readonly S[]]>) {
      const unknown = targets.filter((to) => !(to in this.table));
      if (unknown.length) throw new Error(`State machine: ${from} leads to unknown state(s) ${unknown.join(', ')}`);
    }
    const reachable = this.reachableFrom(this.initial);
    const stranded = this.states.filter((state) => state !== this.initial && !reachable.has(state));
    if (stranded.length) {
      throw new Error(`State machine: ${stranded.join(', ')} cannot be reached from ${this.initial}`);
    }
  }
}

/**
 * A machine driven by named actions (accept, resolve …): each state maps the actions it allows to
 * the state they lead to. An action may keep the state (an extension is history, not a new status).
 */
export class ActionTable<S extends string, A extends string> {
  readonly transitions: Transitions<S>;

  private constructor(
    readonly actions: readonly A[],
    private readonly table: Readonly<Record<S, Partial<Record<A, S>>>>,
    initial: S,
  ) {
    const moves = Object.fromEntries(
      (Object.entries(table) as Array<[S, Partial<Record<A, S>>]>).map(([from, byAction]) => [
        from,
        [...new Set(Object.values(byAction) as S[])].filter((to) => to !== from),
      ]),
    ) as Record<S, S[]>;
    this.transitions = Transitions.define(initial, moves);
  }

  static define<S extends string, A extends string>(
    initial: S,
    actions: readonly A[],
    table: Readonly<Record<S, Partial<Record<A, S>>>>,
  ): ActionTable<S, A> {
    return new ActionTable(actions, table, initial);
  }

  /** Where `action` leads from `from`, or undefined when `from` does not allow it. */
  next(from: S, action: A): S | undefined {
    return this.table[from][action];
  }

  /** The actions `from` allows, in the order the actions were declared. */
  actionsFrom(from: S): A[] {
    return this.actions.filter((action) => this.table[from][action] !== undefined);
  }
}

import { Injectable } from '@nestjs/common';
import type { DeadlineRule } from './deadline-rule.entity.js';

/** Recomputes the open deadlines a capability stored with `rule`; returns how many moved. */
export type RecomputeDeadlines = (rule: DeadlineRule) => Promise<number>;

/**
 * Capabilities that store deadlines computed from a rule (complaints, enforcement) register here at
 * start-up, so the one `deadlines.recompute` handler can reach them without the legal clock
 * depending on them.
 */
@Injectable()
export class DeadlineDependents {
  private readonly dependents = new Map<string, RecomputeDeadlines>();

  register(name: string, recompute: RecomputeDeadlines): void {
    if (this.dependents.has(name)) throw new Error(`Deadline dependent ${name} registered twice`);
    this.dependents.set(name, recompute);
  }

  entries(): Array<[string, RecomputeDeadlines]> {
    return [...this.dependents.entries()];
  }
}

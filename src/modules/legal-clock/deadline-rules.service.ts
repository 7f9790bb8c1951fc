import { Injectable, Logger } from '@nestjs/common';
import { NotFoundError, StaleVersionError } from '../../common/errors/domain-error.js';
import type { ExpectedVersion } from '../../common/http/versioning.js';
import { HandlesJob } from '../../jobs/job-handler.decorator.js';
import type { JobPayloads } from '../../jobs/job-names.js';
import { JobsService } from '../../jobs/jobs.service.js';
import { DeadlineDependents } from './deadline-dependents.js';
import type { DeadlineRule } from './deadline-rule.entity.js';
import type { UpdateDeadlineRuleDto } from './dto/update-deadline-rule.dto.js';
import { LegalClockRepository } from './legal-clock.repository.js';
import { TransactionHost } from '../../database/transaction-host.js';

@Injectable()
export class DeadlineRulesService {
  private readonly logger = new Logger(DeadlineRulesService.name);

  constructor(
    private readonly tx: TransactionHost,
    private readonly repository: LegalClockRepository,
    private readonly dependents: DeadlineDependents,
    private readonly jobs: JobsService,
  ) {}

  list(): Promise<DeadlineRule[]> {
    return this.repository.rules();
  }

  async get(id: string): Promise<DeadlineRule> {
    const rule = await this.repository.ruleById(id);
    if (!rule) throw new NotFoundError('DeadlineRule', id);
    return rule;
  }

  /**
   * Changes a rule. When the change can move deadlines (offset, day kind, switched on or off), the
   * recomputation of open deadlines is enqueued in the same transaction: it runs once the change
   * has committed, or not at all.
   */
  async update(id: string, input: UpdateDeadlineRuleDto, expected: ExpectedVersion | undefined): Promise<DeadlineRule> {
    return this.tx.run(async () => {
      const rule = await this.repository.ruleByIdForUpdate(id);
      if (!rule) throw new NotFoundError('DeadlineRule', id);
      if (expected && expected.version !== rule.version)
        throw new StaleVersionError('DeadlineRule', id, expected.version, rule.version, expected.viaHeader);

      const movesDeadlines =
        (input.offsetDays !== undefined && input.offsetDays !== rule.offsetDays) ||
        (input.dayKind !== undefined && input.dayKind !== rule.dayKind) ||
        (input.active !== undefined && input.active !== rule.active);
      const changed =
        movesDeadlines ||
        (input.description !== undefined && input.description !== rule.description) ||
        (input.action !== undefined && input.action !== rule.action) ||
        (input.legalBasis !== undefined && input.legalBasis !== rule.legalBasis);
      if (!changed) return rule;

      const { version: _version, ...fields } = input;
      Object.assign(rule, fields);
      rule.version += 1;
      const saved = await this.repository.saveRule(rule);
      // Keyed by the new version: two edits make two recomputations, a retried publish makes one.
      if (movesDeadlines)
        await this.jobs.enqueue('deadlines.recompute', { ruleId: id }, { key: `${id}-v${saved.version}` });
      return saved;
    });
  }

  /**
   * Re-reads the rule as it is now and lets every capability recompute the deadlines it stored with
   * it. Idempotent: recomputing against the current rule twice changes nothing the second time.
   */
  @HandlesJob('deadlines.recompute')
  async recompute({ ruleId }: JobPayloads['deadlines.recompute']): Promise<{ moved: number }> {
    const rule = await this.repository.ruleById(ruleId);
    if (!rule) return { moved: 0 };
    let moved = 0;
    for (const [name, recompute] of this.dependents.entries()) {
      const count = await recompute(rule);
      if (count) this.logger.log(`${name}: ${count} deadline(s) moved after rule ${rule.code} changed`);
      moved += count;
    }
    return { moved };
  }
}

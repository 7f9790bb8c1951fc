import { Injectable } from '@nestjs/common';
import { assertVersion, NotFoundError } from '../../common/errors/domain-error.js';
import { EventBus } from '../../events/event-bus.service.js';
import type { DeadlineRule } from './deadline-rule.entity.js';
import type { UpdateDeadlineRuleDto } from './dto/update-deadline-rule.dto.js';
import { LegalClockRepository } from './legal-clock.repository.js';
import { TransactionHost } from '../../database/transaction-host.js';

@Injectable()
export class DeadlineRulesService {
  constructor(
    private readonly tx: TransactionHost,
    private readonly repository: LegalClockRepository,
    private readonly events: EventBus,
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
   * Changes a rule. When the change can move deadlines (offset, day kind, switched on or off), it is
   * announced in the same transaction: whoever stored deadlines with the rule recomputes them once
   * the change has committed, or never.
   */
  async update(id: string, input: UpdateDeadlineRuleDto, expected: number | undefined): Promise<DeadlineRule> {
    return this.tx.run(async () => {
      const rule = await this.repository.ruleByIdForUpdate(id);
      if (!rule) throw new NotFoundError('DeadlineRule', id);
      assertVersion('DeadlineRule', rule, expected);
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
      if (movesDeadlines) {
        await this.events.publish('deadline-rule.changed', { ruleId: id, code: saved.code, version: saved.version });
      }
      return saved;
    });
  }
}

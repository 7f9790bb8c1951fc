import { ApiProperty } from '@nestjs/swagger';
import type { DeadlineRule } from '../deadline-rule.entity.js';
import { DAY_KINDS, type DayKind } from '../domain/deadline.js';

export class DeadlineRuleResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'complaint.accept' }) code: string;
  @ApiProperty({ example: 'complaint.received', description: 'The event the days count from' }) trigger: string;
  @ApiProperty({ type: 'integer', example: 10 }) offsetDays: number;
  @ApiProperty({ enum: DAY_KINDS }) dayKind: DayKind;
  @ApiProperty({ example: 'Thụ lý giải quyết khiếu nại' }) action: string;
  @ApiProperty({ nullable: true, type: String }) description: string | null;
  @ApiProperty({ example: 'Luật Khiếu nại 2011, Điều 27' }) legalBasis: string;
  @ApiProperty() active: boolean;
  @ApiProperty({ type: 'integer' }) version: number;
  @ApiProperty() updatedAt: Date;

  static from(rule: DeadlineRule): DeadlineRuleResponse {
    return {
      id: rule.id,
      code: rule.code,
      trigger: rule.trigger,
      offsetDays: rule.offsetDays,
      dayKind: rule.dayKind,
      action: rule.action,
      description: rule.description,
      legalBasis: rule.legalBasis,
      active: rule.active,
      version: rule.version,
      updatedAt: rule.updatedAt,
    };
  }
}

export class DeadlineRuleListResponse {
  @ApiProperty({ type: [DeadlineRuleResponse] }) items: DeadlineRuleResponse[];
}

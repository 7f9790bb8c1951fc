import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsInt, IsOptional, Min } from 'class-validator';
import { IsOmittable } from '../../../common/http/is-omittable.validator.js';
import { IsCivilDate, IsText } from '../../../common/http/validators.js';

abstract class VersionedStepDto {
  @ApiPropertyOptional({ type: 'integer', description: 'The version this step is based on (or send If-Match)' })
  @IsOmittable()
  @IsInt()
  @Min(1)
  version?: number;
}

export class AcceptComplaintDto extends VersionedStepDto {
  @ApiProperty({
    format: 'date',
    example: '2026-03-05',
    description: 'The day it was accepted (thụ lý); the resolution days count from it',
  })
  @IsCivilDate()
  acceptedOn: string;

  @ApiPropertyOptional({ description: 'Marks the case complex on acceptance (45 days)' })
  @IsOptional()
  @IsBoolean()
  complex?: boolean;

  @ApiPropertyOptional({ description: 'Marks a remote area on acceptance (45 / 60 days)' })
  @IsOptional()
  @IsBoolean()
  remoteArea?: boolean;

  @ApiPropertyOptional({ example: 'Thông báo thụ lý số 12/TB-UBND' })
  @IsOptional()
  @IsText(0, 5000)
  note?: string;
}

export class ExtendComplaintDto extends VersionedStepDto {
  @ApiProperty({
    format: 'date',
    example: '2026-04-21',
    description: 'The new resolution deadline; must be later than the current one',
  })
  @IsCivilDate()
  newResolveDueOn: string;

  @ApiProperty({ example: 'Luật Khiếu nại 2011, Điều 28 (vụ việc phức tạp)' })
  @IsText(1, 300)
  legalBasis: string;

  @ApiProperty({ example: 'Cần xác minh thêm nguồn gốc sử dụng đất' })
  @IsText(1, 5000)
  reason: string;
}

export class EscalateComplaintDto extends VersionedStepDto {
  @ApiProperty({ example: 'Chủ tịch UBND phường Tây Hồ' })
  @IsText(1, 200)
  to: string;

  @ApiProperty({ example: 'Quá hạn thụ lý, đề nghị chỉ đạo' })
  @IsText(1, 5000)
  reason: string;
}

export class ResolveComplaintDto extends VersionedStepDto {
  @ApiProperty({ format: 'date', example: '2026-04-01' })
  @IsCivilDate()
  decidedOn: string;

  @ApiProperty({ example: 'Quyết định giải quyết khiếu nại số 45/QĐ-UBND: giữ nguyên đơn giá bồi thường' })
  @IsText(1, 10_000)
  decision: string;
}

export class RejectComplaintDto extends VersionedStepDto {
  @ApiPropertyOptional({ format: 'date', example: '2026-03-10', description: 'Today when omitted' })
  @IsOptional()
  @IsCivilDate()
  decidedOn?: string;

  @ApiProperty({ example: 'Không đủ điều kiện thụ lý: đơn khiếu nại đã quá thời hiệu' })
  @IsText(1, 5000)
  reason: string;
}

export class WithdrawComplaintDto extends VersionedStepDto {
  @ApiPropertyOptional({ format: 'date', example: '2026-03-10', description: 'Today when omitted' })
  @IsOptional()
  @IsCivilDate()
  withdrawnOn?: string;

  @ApiProperty({ example: 'Hộ dân rút đơn sau buổi đối thoại' })
  @IsText(1, 5000)
  reason: string;
}

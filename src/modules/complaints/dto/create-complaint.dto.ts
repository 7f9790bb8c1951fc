import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsOptional } from 'class-validator';
import { IsCivilDate, IsText } from '../../../common/http/validators.js';

export class CreateComplaintDto {
  @ApiProperty({
    format: 'date',
    example: '2026-03-02',
    description: 'The day the complaint was received (the 10 days count from it)',
  })
  @IsCivilDate()
  receivedOn: string;

  @ApiProperty({ example: 'Khiếu nại đơn giá bồi thường đất ở thấp hơn giá thị trường' })
  @IsText(1, 10_000)
  summary: string;

  @ApiProperty({ example: 'Nguyễn Văn An' })
  @IsText(1, 200)
  complainant: string;

  @ApiPropertyOptional({ description: 'A complex case (vụ việc phức tạp): 45 days to resolve instead of 30' })
  @IsOptional()
  @IsBoolean()
  complex?: boolean;

  @ApiPropertyOptional({ description: 'A remote area (vùng sâu, vùng xa): 45 / 60 days to resolve' })
  @IsOptional()
  @IsBoolean()
  remoteArea?: boolean;

  @ApiPropertyOptional({ example: 'Đơn nộp trực tiếp tại bộ phận một cửa' })
  @IsOptional()
  @IsText(0, 5000)
  note?: string;
}

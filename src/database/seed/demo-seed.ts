import type { DataSource } from 'typeorm';
import type { Clock } from '../../common/clock/clock.js';

export async function seedDemoDataIfEmpty(_dataSource: DataSource, _clock: Clock): Promise<Record<string, number> | undefined> {
  return undefined;
}

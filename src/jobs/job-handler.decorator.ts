import { SetMetadata } from '@nestjs/common';
import type { JobName } from './job-names.js';

export const JOB_HANDLER = 'jobs:handler';

/**
 * Marks a provider method as the handler of a job. Handlers are plain service methods taking the
 * payload; they must be idempotent (re-read state, do nothing when the world has moved on), since
 * a job can run again after a crash or a retry.
 */
export const HandlesJob = (name: JobName) => SetMetadata(JOB_HANDLER, name);

import { CoreSchema1764380000000 } from '../../migrations/1764380000000-CoreSchema.js';
import { AccessAndIntegrity1764390000000 } from '../../migrations/1764390000000-AccessAndIntegrity.js';
import { JobsAndReminders1764400000000 } from '../../migrations/1764400000000-JobsAndReminders.js';

/**
 * Every migration, in order. Listed rather than globbed so the app, the CLI and the tests (which load
 * TypeScript through jest) all run exactly the same set.
 */
export const MIGRATIONS = [CoreSchema1764380000000, AccessAndIntegrity1764390000000, JobsAndReminders1764400000000];

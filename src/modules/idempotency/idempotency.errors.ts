import { DomainError } from '../../common/errors/domain-error.js';

export class IdempotentRequestInProgressError extends DomainError {
  constructor(key: string) {
    super(
      'conflict',
      'IDEMPOTENT_REQUEST_IN_PROGRESS',
      'The first request with this Idempotency-Key is still running; retry shortly',
      {
        idempotencyKey: key,
      },
    );
  }
}

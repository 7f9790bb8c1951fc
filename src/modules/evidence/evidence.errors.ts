import { DomainError } from '../../common/errors/domain-error.js';
import type { ContentRefusal } from './domain/evidence.rules.js';

/** An empty file (400) or one whose content is not an accepted type (415); nothing is stored. */
export class EvidenceContentRefusedError extends DomainError {
  constructor(refusal: ContentRefusal) {
    super(refusal.code === 'EVIDENCE_EMPTY' ? 'invalid_input' : 'unsupported_type', refusal.code, refusal.message, {
      fields: { file: [refusal.message] },
    });
  }
}

/** Over the size limit (413); nothing is stored. */
export class EvidenceTooLargeError extends DomainError {
  constructor(maxBytes: number) {
    const message = `The file is larger than ${Math.floor(maxBytes / (1024 * 1024))} MB (${maxBytes} bytes)`;
    super('too_large', 'EVIDENCE_TOO_LARGE', message, { maxBytes, fields: { file: [message] } });
  }
}

export class EvidenceSupersedeRefusedError extends DomainError {
  constructor(refusal: { code: string; message: string }, supersededById: string | null) {
    super('conflict', refusal.code, refusal.message, { supersededById });
  }
}

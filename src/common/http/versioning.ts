import { ApiHeader } from '@nestjs/swagger';
import { InputValidationError } from '../errors/domain-error.js';

/** The version a client based its change on, and whether it came as `If-Match` (412) or a field (409). */
export interface ExpectedVersion {
  version: number;
  viaHeader: boolean;
}

export function etagFor(version: number): string {
  return `W/"${version}"`;
}

/** Reads `If-Match` (`W/"3"`, `"3"` or `3`) or a `version` body field. */
export function expectedVersion(
  ifMatch: string | undefined,
  bodyVersion: number | undefined,
): ExpectedVersion | undefined {
  if (ifMatch !== undefined && ifMatch.trim() !== '' && ifMatch.trim() !== '*') {
    const match = /^(?:W\/)?"?(\d{1,9})"?$/.exec(ifMatch.trim());
    if (!match)
      throw new InputValidationError({ 'header:if-match': ['If-Match must be an ETag from a previous response'] });
    const version = Number(match[1]);
    if (bodyVersion !== undefined && bodyVersion !== version) {
      throw new InputValidationError({ version: ['version and If-Match disagree'] });
    }
    return { version, viaHeader: true };
  }
  return bodyVersion === undefined ? undefined : { version: bodyVersion, viaHeader: false };
}

/** Documents the optional `If-Match` header of a change (412 when the ETag is stale). */
export const ApiIfMatch = (): MethodDecorator =>
  ApiHeader({ name: 'If-Match', required: false, description: 'ETag from a previous read; 412 when stale' });

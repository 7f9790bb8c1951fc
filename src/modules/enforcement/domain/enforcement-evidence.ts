import type { FieldErrors } from '../../../common/errors/domain-error.js';
import type { Precondition } from './enforcement-preconditions.js';

/** A precondition of the record pointing at the evidence file that proves it (a photo of the posted decision …). */
export interface PreconditionEvidence {
  precondition: Precondition;
  evidenceId: string;
}

/** What the record's checks need to know of a file it points at. */
export interface EvidenceFacts {
  householdId: string | null;
  subjectType: string;
  subjectId: string;
}

/**
 * Which pointers are wrong: a file must exist in the project and be about this household — or, for
 * the dialogue session, be evidence of the session the record names. A file superseded since still
 * proves what it showed (it is kept); the record shows that a newer copy exists. Pure; keyed as the
 * request names them (`evidence.0.evidenceId`).
 */
export function preconditionEvidenceErrors(
  pointers: readonly PreconditionEvidence[],
  files: ReadonlyMap<string, EvidenceFacts>,
  record: { householdId: string; dialogueSessionId: string | null },
): FieldErrors {
  const errors: FieldErrors = {};
  pointers.forEach(({ precondition, evidenceId }, index) => {
    const file = files.get(evidenceId);
    const ofSession =
      file?.subjectType === 'dialogueSession' &&
      record.dialogueSessionId !== null &&
      file.subjectId === record.dialogueSessionId;
    const problem = !file
      ? 'is not an evidence file of this project'
      : precondition === 'dialogue_session_held'
        ? ofSession || file.householdId === record.householdId
          ? null
          : 'is neither about this household nor evidence of the dialogue session on the record'
        : file.householdId === record.householdId
          ? null
          : 'is not about this household';
    if (problem) errors[`evidence.${index}.evidenceId`] = [`evidence ${evidenceId} ${problem}`];
  });
  return errors;
}

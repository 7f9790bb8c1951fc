import { type EvidenceFacts, preconditionEvidenceErrors } from './enforcement-evidence.js';

describe('preconditionEvidenceErrors', () => {
  const record = { householdId: 'h1', dialogueSessionId: 's1' };
  const files = new Map<string, EvidenceFacts>([
    ['notice', { householdId: 'h1', subjectType: 'enforcementRecord', subjectId: 'r1' }],
    ['neighbour', { householdId: 'h2', subjectType: 'visit', subjectId: 'v9' }],
    ['session', { householdId: null, subjectType: 'dialogueSession', subjectId: 's1' }],
    ['other-session', { householdId: null, subjectType: 'dialogueSession', subjectId: 's2' }],
  ]);

  it('should accept files about the household, and the minutes of the session on the record for the dialogue', () => {
    expect(
      preconditionEvidenceErrors(
        [
          { precondition: 'decision_posted', evidenceId: 'notice' },
          { precondition: 'dialogue_session_held', evidenceId: 'session' },
        ],
        files,
        record,
      ),
    ).toEqual({});
  });

  it('should name each pointer at a missing file, another household, or another session', () => {
    const errors = preconditionEvidenceErrors(
      [
        { precondition: 'decision_delivered', evidenceId: 'missing' },
        { precondition: 'ward_persuasion', evidenceId: 'neighbour' },
        { precondition: 'dialogue_session_held', evidenceId: 'other-session' },
        { precondition: 'decision_posted', evidenceId: 'session' },
      ],
      files,
      record,
    );
    expect(Object.keys(errors)).toEqual([
      'evidence.0.evidenceId',
      'evidence.1.evidenceId',
      'evidence.2.evidenceId',
      'evidence.3.evidenceId',
    ]);
    expect(errors['evidence.1.evidenceId'][0]).toContain('not about this household');
  });
});

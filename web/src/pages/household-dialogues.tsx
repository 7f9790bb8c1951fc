import { useQuery } from '@tanstack/preact-query';
import { api } from '../api/session';
import { DIALOGUE_STATUS_LABELS, POSITION_LABELS, viDateTime } from '../format';
import { Listed } from './listed';

/** The dialogue sessions (đối thoại) a household was invited to, and whether it came and what it said. */
export function HouseholdDialogues(props: { householdId: string }) {
  const sessions = useQuery({
    queryKey: ['dialogues-of', props.householdId],
    queryFn: async () =>
      (
        await api.GET('/api/v1/households/{householdId}/dialogue-sessions', {
          params: { path: { householdId: props.householdId } },
        })
      ).data,
  });
  return (
    <section aria-labelledby="dialogues-heading">
      <h2 id="dialogues-heading">Đối thoại</h2>
      <Listed
        items={sessions.data?.items}
        empty="Chưa được mời đối thoại."
        class="dialogues"
        render={(session) => {
          const own = session.attendance.find((a) => a.householdId === props.householdId);
          return (
            <li key={session.id}>
              {viDateTime(session.scheduledAt)}, {session.location} — {DIALOGUE_STATUS_LABELS[session.status]}
              {own && (
                <>
                  {': '}
                  {own.attended ? 'có mặt' : 'vắng mặt'}
                  {own.position ? `, ${POSITION_LABELS[own.position]}` : ''}
                  {own.note ? ` (${own.note})` : ''}
                </>
              )}
            </li>
          );
        }}
      />
    </section>
  );
}

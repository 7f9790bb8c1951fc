import { useQuery } from '@tanstack/preact-query';
import { api } from '../api/session';

/** The officer's day: whom to visit, each with why (GET /me/agenda). */
export function Today() {
  const agenda = useQuery({
    queryKey: ['agenda'],
    queryFn: async () => (await api.GET('/api/v1/me/agenda')).data,
  });
  if (agenda.isPending) return <p>Đang tải…</p>;
  if (!agenda.data) return <p role="alert">Không tải được lịch hôm nay.</p>;
  return (
    <main>
      <h1>Hôm nay</h1>
      {agenda.data.items.length === 0 && <p>Không có việc nào.</p>}
      <ol class="agenda">
        {agenda.data.items.map((item, index) => (
          <li key={index} data-kind={item.kind}>
            {item.householdId ? <a href={`/app/ho/${item.householdId}`}>{item.why}</a> : item.why}
          </li>
        ))}
      </ol>
    </main>
  );
}

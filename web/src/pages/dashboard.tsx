import { useQuery } from '@tanstack/preact-query';
import { api } from '../api/session';
import { number, percent } from '../format';

/** The ward chair's (and supervisor's) projects: consent by households and by area against the threshold. */
export function Dashboard() {
  const stats = useQuery({
    queryKey: ['stats-projects'],
    queryFn: async () => (await api.GET('/api/v1/stats/projects', { params: { query: { limit: 100 } } })).data,
  });
  if (stats.isPending) return <p>Đang tải…</p>;
  if (!stats.data) return <p role="alert">Không tải được số liệu.</p>;
  return (
    <main>
      <h1>Các dự án của phường</h1>
      <ul class="cards">
        {stats.data.items.map((p) => (
          <li key={p.projectId} class="card" data-project={p.code}>
            <h2>
              <a href={`/app/du-an/${p.projectId}`}>{p.name}</a>
            </h2>
            <dl class="figures">
              <div>
                <dt>Theo số hộ</dt>
                <dd data-figure="households">{percent(p.consentRate)}</dd>
                <dd class="detail">
                  {p.households.consented} / {p.households.total} hộ
                </dd>
              </div>
              <div>
                <dt>Theo diện tích</dt>
                <dd data-figure="area">{percent(p.area.consentRate)}</dd>
                <dd class="detail">
                  {number(p.area.consentedM2)} / {number(p.area.totalM2)} m²
                </dd>
              </div>
              <div>
                <dt>Ngưỡng</dt>
                <dd>{percent(p.consentThreshold)}</dd>
                <dd class="detail">{p.thresholdReached ? 'Đã đạt' : 'Chưa đạt'}</dd>
              </div>
              <div>
                <dt>Quá hẹn thăm lại</dt>
                <dd>{p.followUps.overdue}</dd>
              </div>
            </dl>
          </li>
        ))}
      </ul>
    </main>
  );
}

import { useQuery } from '@tanstack/preact-query';
import { api } from '../api/session';
import { number, percent, STATUS_LABELS, viDate } from '../format';
import { ConsentChart } from './chart';
import { HouseholdSearch } from './household-search';
import { Listed } from './listed';

const ENFORCEMENT_LABELS: Record<string, string> = {
  draft: 'đang hoàn thiện hồ sơ',
  ready: 'đủ điều kiện, chưa lên lịch',
  scheduled: 'đã lên lịch',
};

const monthsAgo = (months: number) => {
  const date = new Date();
  date.setUTCDate(1);
  date.setUTCMonth(date.getUTCMonth() - months);
  return date.toISOString().slice(0, 10);
};

/** One project: figures, the consent timeline, statuses, overdue follow-ups, complaints near their deadline. */
export function ProjectPage(props: { id: string }) {
  const id = props.id;
  const path = { id };
  const stats = useQuery({
    queryKey: ['project-stats', id],
    queryFn: async () => (await api.GET('/api/v1/projects/{id}/stats', { params: { path } })).data,
  });
  const history = useQuery({
    queryKey: ['consent-history', id],
    queryFn: async () =>
      (
        await api.GET('/api/v1/projects/{id}/stats/consent-history', {
          params: { path, query: { granularity: 'month', from: monthsAgo(11) } },
        })
      ).data,
  });
  const overdue = useQuery({
    queryKey: ['overdue', id],
    queryFn: async () =>
      (
        await api.GET('/api/v1/projects/{id}/households', {
          params: { path, query: { followUpOverdue: true, sort: 'nextFollowUpOn', limit: 20 } },
        })
      ).data,
  });
  const complaints = useQuery({
    queryKey: ['complaints-due', id],
    queryFn: async () =>
      (await api.GET('/api/v1/projects/{id}/complaints', { params: { path, query: { dueWithinDays: 3 } } })).data,
  });
  const enforcement = useQuery({
    queryKey: ['enforcement', id],
    queryFn: async () => (await api.GET('/api/v1/projects/{id}/enforcement', { params: { path } })).data,
  });
  const s = stats.data;
  if (stats.isPending) return <p>Đang tải…</p>;
  if (!s) return <p role="alert">Không tìm thấy dự án.</p>;
  return (
    <main>
      <p>
        <a href="/">← Các dự án</a>
      </p>
      <h1>{s.name}</h1>
      <dl class="figures">
        <div>
          <dt>Theo số hộ</dt>
          <dd data-figure="households">{percent(s.consentRate)}</dd>
        </div>
        <div>
          <dt>Theo diện tích</dt>
          <dd data-figure="area">{percent(s.area.consentRate)}</dd>
        </div>
        <div>
          <dt>Ngưỡng</dt>
          <dd>{percent(s.consentThreshold)}</dd>
        </div>
      </dl>
      <h2>Tỷ lệ đồng thuận theo tháng</h2>
      {history.data && (
        <ConsentChart
          threshold={s.consentThreshold}
          points={history.data.points.map((p) => ({
            label: p.date.slice(0, 7),
            households: p.consentRate,
            area: p.area.consentRate,
          }))}
        />
      )}
      <h2>Theo trạng thái</h2>
      <table>
        <thead>
          <tr>
            <th scope="col">Trạng thái</th>
            <th scope="col">Số hộ</th>
            <th scope="col">Diện tích (m²)</th>
          </tr>
        </thead>
        <tbody>
          {Object.entries(s.households.byStatus).map(([status, households]) => (
            <tr key={status}>
              <td>{STATUS_LABELS[status] ?? status}</td>
              <td>{households}</td>
              <td>{number((s.area.byStatus as Record<string, number>)[status] ?? 0)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <HouseholdSearch projectId={id} />
      <h2>Quá hẹn thăm lại ({s.followUps.overdue})</h2>
      <ul>
        {overdue.data?.items.map((h) => (
          <li key={h.id}>
            <a href={`/app/ho/${h.id}`}>
              {h.headName} ({h.code})
            </a>{' '}
            — hẹn ngày {viDate(h.nextFollowUpOn)}
          </li>
        ))}
      </ul>
      <h2>Khiếu nại quá hạn hoặc đến hạn trong 3 ngày</h2>
      <Listed
        items={complaints.data?.items}
        empty="Không có."
        render={(c) => (
          <li key={c.id}>
            <a href={`/app/ho/${c.householdId}`}>{c.summary}</a>
          </li>
        )}
      />
      <h2>Cưỡng chế đang chuẩn bị</h2>
      <Listed
        items={enforcement.data?.items}
        empty="Không có."
        render={(r) => (
          <li key={r.id}>
            <a href={`/app/ho/${r.householdId}`}>Quyết định {r.decisionNo}</a> —{' '}
            {ENFORCEMENT_LABELS[r.status] ?? r.status}
            {r.missingPreconditions.length ? ` (còn thiếu ${r.missingPreconditions.length} điều kiện)` : ''}
          </li>
        )}
      />
    </main>
  );
}

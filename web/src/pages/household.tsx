import { useQuery } from '@tanstack/preact-query';
import { useState } from 'preact/hooks';
import { api, currentSession } from '../api/session';
import { type ConsentMoveInput, queueConsentMove, queueVisit, type VisitInput } from '../api/visit-queue';
import { AUDIT_ACTION_LABELS, field, number, OUTCOME_LABELS, STATUS_LABELS, viDate, viDateTime } from '../format';
import { HouseholdDialogues } from './household-dialogues';
import { Listed } from './listed';

const OUTCOMES = Object.keys(OUTCOME_LABELS) as VisitInput['outcome'][];

/** A household: its status and history, its visits and evidence; officers log a visit, even offline. */
export function HouseholdPage(props: { id: string }) {
  const path = { id: props.id };
  const role = currentSession()?.user.role;
  const household = useQuery({
    queryKey: ['household', props.id],
    queryFn: async () => (await api.GET('/api/v1/households/{id}', { params: { path } })).data ?? null,
  });
  const history = useQuery({
    queryKey: ['consent-history-of', props.id],
    queryFn: async () => (await api.GET('/api/v1/households/{id}/consent-history', { params: { path } })).data,
  });
  const visits = useQuery({
    queryKey: ['visits', props.id],
    queryFn: async () => (await api.GET('/api/v1/households/{id}/visits', { params: { path } })).data,
  });
  const complaints = useQuery({
    queryKey: ['complaints-of', props.id],
    queryFn: async () => (await api.GET('/api/v1/households/{id}/complaints', { params: { path } })).data,
  });
  const evidence = useQuery({
    queryKey: ['evidence-of', props.id],
    queryFn: async () => (await api.GET('/api/v1/households/{id}/evidence', { params: { path } })).data,
  });
  const audit = useQuery({
    queryKey: ['audit', props.id],
    enabled: role === 'supervisor' || role === 'admin',
    queryFn: async () =>
      (await api.GET('/api/v1/audit', { params: { query: { entity: 'Household', entityId: props.id } } })).data,
  });
  if (household.isPending) return <p>Đang tải…</p>;
  const h = household.data ?? null;
  if (!h) {
    return (
      <main>
        <p role="alert">Không tìm thấy hộ này, hoặc hộ không thuộc phường của bạn.</p>
      </main>
    );
  }
  return (
    <main>
      <h1>
        {h.headName} <span class="code">({h.code})</span>
      </h1>
      <p>{h.address}</p>
      <dl class="figures">
        <div>
          <dt>Trạng thái</dt>
          <dd data-status={h.status}>{STATUS_LABELS[h.status]}</dd>
        </div>
        <div>
          <dt>Diện tích</dt>
          <dd>{number(h.landAreaM2)} m²</dd>
        </div>
        <div>
          <dt>Hẹn thăm lại</dt>
          <dd>{viDate(h.nextFollowUpOn) || '—'}</dd>
        </div>
      </dl>
      {(role === 'officer' || role === 'chair') && (
        <>
          <VisitForm householdId={h.id} label={`${h.headName} (${h.code})`} />
          <ConsentForm householdId={h.id} label={`${h.headName} (${h.code})`} version={h.version} />
        </>
      )}
      <h2>Khiếu nại</h2>
      <Listed
        items={complaints.data?.items}
        empty="Không có."
        render={(c) => (
          <li key={c.id}>
            {viDate(c.receivedOn)}: {c.summary} ({c.status})
          </li>
        )}
      />
      <HouseholdDialogues householdId={h.id} />
      <h2>Tài liệu, hình ảnh</h2>
      <Listed
        items={evidence.data?.items}
        empty="Chưa có."
        render={(f) => (
          <li key={f.id}>
            <a href={f.contentUrl} target="_blank" rel="noopener">
              {f.fileName}
            </a>{' '}
            ({f.kind})
          </li>
        )}
      />
      <h2>Các lần tiếp xúc</h2>
      <Listed
        items={visits.data?.items}
        empty="Chưa có lần nào."
        class="visits"
        render={(v) => (
          <li key={v.id}>
            {viDateTime(v.visitedAt)}: {OUTCOME_LABELS[v.outcome]} — {v.officers.join(', ')}
            {v.notes ? `: ${v.notes}` : ''}
          </li>
        )}
      />
      <h2>Lịch sử trạng thái</h2>
      <Listed
        items={history.data?.items}
        empty="Chưa đổi trạng thái lần nào."
        render={(t) => (
          <li key={t.id}>
            {viDateTime(t.at)}: {STATUS_LABELS[t.from]} → {STATUS_LABELS[t.to]} ({t.reason})
          </li>
        )}
      />
      {audit.data && (
        <section class="audit">
          <h2>Nhật ký thay đổi</h2>
          <ul>
            {audit.data.items.map((entry) => (
              <li key={entry.id}>
                {viDateTime(entry.at)} — {AUDIT_ACTION_LABELS[entry.action] ?? entry.action} — {entry.actor.name}
              </li>
            ))}
          </ul>
        </section>
      )}
    </main>
  );
}

function VisitForm(props: { householdId: string; label: string }) {
  const [saved, setSaved] = useState<string | null>(null);
  const submit = async (event: Event) => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const data = new FormData(form);
    const followUp = field(data, 'nextFollowUpOn');
    await queueVisit(props.householdId, props.label, {
      visitedAt: new Date().toISOString(),
      officers: [currentSession()?.user.fullName ?? 'Cán bộ'],
      outcome: field(data, 'outcome') as VisitInput['outcome'],
      notes: field(data, 'notes') || undefined,
      nextFollowUpOn: followUp || undefined,
    });
    form.reset();
    setSaved(navigator.onLine ? 'Đã ghi nhận lần thăm.' : 'Đã lưu trên máy; sẽ gửi khi có mạng.');
  };
  return (
    <form class="visit-form" onSubmit={(event) => void submit(event)}>
      <h2>Ghi nhận lần thăm</h2>
      <label>
        Kết quả
        <select name="outcome" required>
          {OUTCOMES.map((o) => (
            <option key={o} value={o}>
              {OUTCOME_LABELS[o]}
            </option>
          ))}
        </select>
      </label>
      <label>
        Ghi chú
        <textarea name="notes" rows={3} maxLength={4000} />
      </label>
      <label>
        Hẹn thăm lại
        <input name="nextFollowUpOn" type="date" />
      </label>
      <button type="submit">Lưu lần thăm</button>
      {saved && <p role="status">{saved}</p>}
    </form>
  );
}

const MOVES: ConsentMoveInput['status'][] = ['persuading', 'objecting', 'conditional', 'agreed', 'handed_over'];

/** A consent move, kept on the phone like a visit and checked against the household when it arrives. */
function ConsentForm(props: { householdId: string; label: string; version: number }) {
  const [saved, setSaved] = useState<string | null>(null);
  const submit = async (event: Event) => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const data = new FormData(form);
    await queueConsentMove(props.householdId, props.label, props.version, {
      status: field(data, 'status') as ConsentMoveInput['status'],
      reason: field(data, 'reason'),
    });
    form.reset();
    setSaved(navigator.onLine ? 'Đã gửi thay đổi trạng thái.' : 'Đã lưu trên máy; sẽ gửi khi có mạng.');
  };
  return (
    <form class="visit-form" onSubmit={(event) => void submit(event)}>
      <h2>Thay đổi trạng thái</h2>
      <label>
        Trạng thái mới
        <select name="status" required>
          {MOVES.map((status) => (
            <option key={status} value={status}>
              {STATUS_LABELS[status]}
            </option>
          ))}
        </select>
      </label>
      <label>
        Lý do
        <input name="reason" required maxLength={1000} />
      </label>
      <button type="submit">Lưu thay đổi</button>
      {saved && <p role="status">{saved}</p>}
    </form>
  );
}

import { buildAgenda } from './agenda.js';

const ZONE = 'Asia/Ho_Chi_Minh';
const household = (code: string, fields: { nextFollowUpOn?: string | null; silentSince?: string }) => ({
  householdId: `h-${code}`,
  projectId: 'p',
  code,
  headName: 'Nguyễn Văn An',
  address: 'Ngõ 12 Thụy Khuê',
  nextFollowUpOn: fields.nextFollowUpOn ?? null,
  silentSince: new Date(fields.silentSince ?? '2026-03-09T02:00:00Z'),
  staleAfterDays: 14,
});

describe('buildAgenda', () => {
  const agenda = buildAgenda('2026-03-10', ZONE, {
    households: [
      household('HH-03', { silentSince: '2026-02-01T02:00:00Z' }),
      household('HH-02', { nextFollowUpOn: '2026-03-10' }),
      household('HH-01', { nextFollowUpOn: '2026-03-07', silentSince: '2026-01-01T02:00:00Z' }),
      household('HH-04', { silentSince: '2026-03-01T02:00:00Z' }),
      household('HH-05', { nextFollowUpOn: '2026-03-20' }),
    ],
    complaints: [
      {
        complaintId: 'c-far',
        householdId: 'h-HH-01',
        projectId: 'p',
        status: 'received',
        acceptDueOn: '2026-03-20',
        resolveDueOn: null,
      },
      {
        complaintId: 'c-soon',
        householdId: 'h-HH-01',
        projectId: 'p',
        status: 'accepted',
        acceptDueOn: '2026-03-01',
        resolveDueOn: '2026-03-12',
      },
      {
        complaintId: 'c-late',
        householdId: 'h-HH-02',
        projectId: 'p',
        status: 'received',
        acceptDueOn: '2026-03-08',
        resolveDueOn: null,
      },
    ],
    sessions: [
      {
        dialogueSessionId: 's-today',
        projectId: 'p',
        scheduledAt: new Date('2026-03-10T07:00:00Z'),
        location: 'Hội trường UBND phường',
      },
      {
        dialogueSessionId: 's-tomorrow',
        projectId: 'p',
        scheduledAt: new Date('2026-03-10T18:00:00Z'),
        location: 'Nhà văn hoá',
      },
    ],
  });

  it('should list what falls due, most urgent first', () => {
    expect(agenda.map((item) => [item.kind, item.householdId ?? item.dialogueSessionId, item.complaintId])).toEqual([
      ['follow_up_overdue', 'h-HH-01', null],
      ['complaint_deadline', 'h-HH-02', 'c-late'],
      ['complaint_deadline', 'h-HH-01', 'c-soon'],
      ['follow_up_due', 'h-HH-02', null],
      ['dialogue_session', 's-today', null],
      ['not_contacted', 'h-HH-03', null],
    ]);
  });

  it('should say why each is there, in Vietnamese', () => {
    expect(agenda.map((item) => item.why)).toEqual([
      'Quá hẹn thăm lại 3 ngày (hẹn ngày 07/03/2026): Nguyễn Văn An (HH-01), Ngõ 12 Thụy Khuê',
      'Quá hạn thụ lý khiếu nại 2 ngày (hạn ngày 08/03/2026)',
      'Còn 2 ngày đến hạn giải quyết khiếu nại (ngày 12/03/2026)',
      'Hẹn thăm lại hôm nay: Nguyễn Văn An (HH-02), Ngõ 12 Thụy Khuê',
      'Đối thoại lúc 14:00 tại Hội trường UBND phường',
      'Chưa tiếp xúc 37 ngày (quá 14 ngày cho phép): Nguyễn Văn An (HH-03), Ngõ 12 Thụy Khuê',
    ]);
  });

  it('should leave out a session of the next local day, a later follow-up and a recent contact', () => {
    const ids = agenda.map((item) => item.householdId ?? item.dialogueSessionId);
    expect(ids).not.toContain('s-tomorrow');
    expect(ids).not.toContain('h-HH-05');
    expect(ids).not.toContain('h-HH-04');
  });
});

describe('buildAgenda: enforcement', () => {
  const record = (id: string, fields: Partial<{ status: string; scheduledAt: string; handoverDueOn: string }>) => ({
    enforcementRecordId: id,
    householdId: `h-${id}`,
    projectId: 'p',
    decisionNo: '125/QĐ-UBND',
    status: fields.status ?? 'scheduled',
    scheduledAt: fields.scheduledAt ? new Date(fields.scheduledAt) : null,
    handoverDueOn: fields.handoverDueOn ?? null,
  });
  const agenda = buildAgenda('2026-03-10', ZONE, {
    households: [],
    complaints: [],
    sessions: [],
    enforcement: [
      record('later', { scheduledAt: '2026-03-14T01:00:00Z' }),
      record('soon', { scheduledAt: '2026-03-12T01:00:00Z' }),
      record('today', { scheduledAt: '2026-03-10T01:30:00Z' }),
      record('past', { scheduledAt: '2026-03-05T01:00:00Z' }),
      record('handover-late', { status: 'complied', handoverDueOn: '2026-03-09' }),
      record('handover-far', { status: 'complied', handoverDueOn: '2026-04-01' }),
    ],
  });

  it('should list enforcement days and hand-overs after compliance within three days or past, oldest first', () => {
    expect(agenda.map((item) => [item.kind, item.enforcementRecordId])).toEqual([
      ['enforcement_deadline', 'past'],
      ['enforcement_deadline', 'handover-late'],
      ['enforcement_deadline', 'today'],
      ['enforcement_deadline', 'soon'],
    ]);
    expect(agenda.map((item) => item.why)).toEqual([
      'Đã qua ngày cưỡng chế 05/03/2026 theo Quyết định số 125/QĐ-UBND, chưa ghi kết quả',
      'Quá hạn bàn giao mặt bằng sau khi chấp hành 1 ngày (hạn ngày 09/03/2026)',
      'Cưỡng chế hôm nay lúc 08:30 theo Quyết định số 125/QĐ-UBND',
      'Còn 2 ngày đến ngày cưỡng chế (08:00 ngày 12/03/2026) theo Quyết định số 125/QĐ-UBND',
    ]);
    expect(agenda.find((item) => item.enforcementRecordId === 'today')?.householdId).toBe('h-today');
  });
});

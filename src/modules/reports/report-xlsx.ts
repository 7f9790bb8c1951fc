import { viDate } from '../../common/time/civil-date.js';
import type { MeetingReport } from './domain/meeting-report.js';

/** The meeting report as a workbook: a sheet per part, one row per project (or item) with its project. */
export async function meetingReportXlsx(report: MeetingReport): Promise<Buffer> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'GPMB CRM';
  workbook.title = report.title;
  const sheet = (name: string, header: string[], rows: Array<Array<string | number | null>>) => {
    const ws = workbook.addWorksheet(name);
    ws.addRow([report.title]).font = { bold: true, size: 13 };
    ws.addRow([report.subtitle]);
    ws.addRow([]);
    ws.addRow(header).font = { bold: true };
    for (const row of rows) ws.addRow(row);
    header.forEach((_, i) => (ws.getColumn(i + 1).width = i === 0 ? 36 : 18));
  };
  sheet(
    'Tổng hợp',
    [
      'Dự án',
      `Hộ đồng ý ${viDate(report.since)}`,
      `Hộ đồng ý ${viDate(report.today)}`,
      'Tổng số hộ',
      'Tỷ lệ theo hộ',
      'Thay đổi (hộ)',
      'Diện tích đồng ý (m²)',
      'Tổng diện tích (m²)',
      'Tỷ lệ theo diện tích',
      'Quá hẹn thăm lại',
    ],
    report.projects.map((p) => [
      p.project.name,
      p.then.consented,
      p.now.consented,
      p.now.households,
      p.now.consentRate,
      p.now.consented - p.then.consented,
      p.now.consentedM2,
      p.now.areaM2,
      p.now.areaConsentRate,
      p.overdue.count,
    ]),
  );
  sheet(
    'Theo trạng thái',
    ['Dự án', 'Trạng thái', 'Số hộ', 'Diện tích (m²)'],
    report.projects.flatMap((p) => p.byStatus.map((s) => [p.project.name, s.label, s.households, s.areaM2])),
  );
  sheet(
    'Hộ chưa đồng thuận',
    ['Dự án', 'Lý do', 'Số hộ', 'Diện tích (m²)'],
    report.projects.flatMap((p) => p.holdouts.map((h) => [p.project.name, h.label, h.households, h.areaM2])),
  );
  sheet(
    'Quá hẹn thăm lại',
    ['Dự án', 'Mã hộ', 'Chủ hộ', 'Hẹn ngày'],
    report.projects.flatMap((p) => p.overdue.first.map((h) => [p.project.name, h.code, h.headName, h.nextFollowUpOn])),
  );
  sheet(
    'Khiếu nại',
    ['Dự án', 'Hộ', 'Nội dung', 'Việc', 'Hạn'],
    report.projects.flatMap((p) => p.complaints.map((c) => [p.project.name, c.household, c.summary, c.what, c.dueOn])),
  );
  sheet(
    'Đối thoại',
    ['Dự án', 'Ngày', 'Địa điểm', 'Số hộ mời'],
    report.projects.flatMap((p) => p.sessions.map((s) => [p.project.name, s.heldOn, s.location, s.invited])),
  );
  sheet(
    'Theo tháng',
    ['Dự án', 'Tháng', 'Tỷ lệ theo hộ', 'Tỷ lệ theo diện tích'],
    report.projects.flatMap((p) => p.monthly.map((m) => [p.project.name, m.month, m.consentRate, m.areaConsentRate])),
  );
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

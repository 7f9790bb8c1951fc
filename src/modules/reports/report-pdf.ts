import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Readable } from 'node:stream';
import PDFDocument from 'pdfkit';
import { viDate } from '../../common/time/civil-date.js';
import { change, formatNumber, type MeetingReport, percent, type ProjectReport } from './domain/meeting-report.js';

/** DejaVu Sans has every Vietnamese letter with its tone marks; it is embedded (subset) in each PDF. */
const FONT_DIR = join(dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json')), 'ttf');
const REGULAR = join(FONT_DIR, 'DejaVuSans.ttf');
const BOLD = join(FONT_DIR, 'DejaVuSans-Bold.ttf');

const MARGIN = 48;
const PAGE_WIDTH = 595.28 - 2 * MARGIN;

type Doc = InstanceType<typeof PDFDocument>;

/** The meeting report as a PDF (A4), streamed as pdfkit writes it. */
export function meetingReportPdf(report: MeetingReport): Readable {
  const doc: Doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    info: { Title: report.title, Subject: report.subtitle, Creator: 'GPMB CRM' },
  });
  doc.registerFont('regular', REGULAR);
  doc.registerFont('bold', BOLD);
  doc.font('bold').fontSize(16).text(report.title);
  doc.font('regular').fontSize(10).fillColor('#444').text(report.subtitle).fillColor('black').moveDown();
  if (report.projects.length === 0) doc.text('Không có dự án nào.');
  report.projects.forEach((project, index) => {
    if (index > 0) doc.addPage();
    projectSection(doc, project, report);
  });
  doc.end();
  return doc;
}

function projectSection(doc: Doc, p: ProjectReport, report: MeetingReport): void {
  heading(doc, `${p.project.name} (${p.project.code})`, 13);
  table(
    doc,
    ['', `Ngày ${viDate(report.since)}`, `Ngày ${viDate(report.today)}`, 'Thay đổi'],
    [
      [
        'Hộ đồng ý / tổng số hộ',
        `${p.then.consented} / ${p.then.households}`,
        `${p.now.consented} / ${p.now.households}`,
        change(p.now.consented, p.then.consented, 'hộ'),
      ],
      [
        'Tỷ lệ theo số hộ',
        percent(p.then.consentRate),
        percent(p.now.consentRate),
        change(p.now.consentRate * 100, p.then.consentRate * 100, 'điểm %'),
      ],
      [
        'Diện tích đồng ý (m²)',
        formatNumber(p.then.consentedM2),
        formatNumber(p.now.consentedM2),
        change(p.now.consentedM2, p.then.consentedM2, 'm²'),
      ],
      [
        'Tỷ lệ theo diện tích',
        percent(p.then.areaConsentRate),
        percent(p.now.areaConsentRate),
        change(p.now.areaConsentRate * 100, p.then.areaConsentRate * 100, 'điểm %'),
      ],
    ],
    [0.34, 0.2, 0.2, 0.26],
  );
  doc
    .fontSize(9)
    .fillColor('#444')
    .text(`Ngưỡng đồng thuận của dự án: ${percent(p.project.consentThreshold)}`)
    .fillColor('black');
  chart(doc, p);

  heading(doc, 'Theo trạng thái');
  table(
    doc,
    ['Trạng thái', 'Số hộ', 'Diện tích (m²)'],
    p.byStatus.map((s) => [s.label, String(s.households), formatNumber(s.areaM2)]),
    [0.5, 0.2, 0.3],
  );

  heading(doc, 'Hộ chưa đồng thuận, theo lý do');
  if (p.holdouts.length === 0) doc.fontSize(10).text('Không còn hộ nào.');
  else
    table(
      doc,
      ['Lý do', 'Số hộ', 'Diện tích (m²)'],
      p.holdouts.map((h) => [h.label, String(h.households), formatNumber(h.areaM2)]),
      [0.6, 0.15, 0.25],
    );

  heading(doc, `Quá hẹn thăm lại: ${p.overdue.count} hộ`);
  if (p.overdue.first.length) {
    table(
      doc,
      ['Mã hộ', 'Chủ hộ', 'Hẹn ngày'],
      p.overdue.first.map((h) => [h.code, h.headName, h.nextFollowUpOn ? viDate(h.nextFollowUpOn) : '']),
      [0.2, 0.55, 0.25],
    );
  }

  heading(doc, 'Khiếu nại sắp đến hạn hoặc quá hạn');
  if (p.complaints.length === 0) doc.fontSize(10).text('Không có.');
  else
    table(
      doc,
      ['Hộ', 'Nội dung', 'Việc', 'Hạn'],
      p.complaints.map((c) => [c.household, c.summary, c.what, viDate(c.dueOn)]),
      [0.28, 0.44, 0.13, 0.15],
    );

  heading(doc, 'Đối thoại đã tổ chức');
  if (p.sessions.length === 0) doc.fontSize(10).text('Không có buổi nào trong kỳ.');
  else
    table(
      doc,
      ['Ngày', 'Địa điểm', 'Số hộ mời'],
      p.sessions.map((s) => [viDate(s.heldOn), s.location, String(s.invited)]),
      [0.2, 0.6, 0.2],
    );
}

function heading(doc: Doc, text: string, size = 11): void {
  if (doc.y > 760) doc.addPage();
  doc.moveDown(0.6).font('bold').fontSize(size).text(text, MARGIN).font('regular').moveDown(0.3);
}

/** A plain table: a bold header, rows that wrap, a new page when one is full. */
function table(doc: Doc, header: string[], rows: string[][], widths: number[]): void {
  const columns = widths.map((w) => w * PAGE_WIDTH);
  const line = (cells: string[], bold: boolean) => {
    doc.font(bold ? 'bold' : 'regular').fontSize(9);
    const height = Math.max(...cells.map((cell, i) => doc.heightOfString(cell, { width: columns[i] - 6 }))) + 6;
    if (doc.y + height > 800) doc.addPage();
    const top = doc.y;
    let x = MARGIN;
    cells.forEach((cell, i) => {
      doc.text(cell, x + 3, top + 3, { width: columns[i] - 6 });
      x += columns[i];
    });
    doc
      .moveTo(MARGIN, top + height)
      .lineTo(MARGIN + PAGE_WIDTH, top + height)
      .strokeColor('#ccc')
      .lineWidth(0.5)
      .stroke();
    doc.x = MARGIN;
    doc.y = top + height;
  };
  line(header, true);
  for (const row of rows) line(row, false);
  doc.font('regular');
}

/** Consent by households and by area at each month's end, against the threshold. */
function chart(doc: Doc, p: ProjectReport): void {
  const points = p.monthly;
  if (points.length < 2) return;
  heading(doc, 'Tỷ lệ đồng thuận 12 tháng gần nhất');
  const height = 140;
  if (doc.y + height + 30 > 800) doc.addPage();
  const left = MARGIN + 30;
  const top = doc.y;
  const width = PAGE_WIDTH - 40;
  const x = (i: number) => left + (i / (points.length - 1)) * width;
  const y = (rate: number) => top + height - rate * height;
  doc.lineWidth(0.5).strokeColor('#999');
  for (const rate of [0, 0.25, 0.5, 0.75, 1]) {
    doc
      .moveTo(left, y(rate))
      .lineTo(left + width, y(rate))
      .stroke();
    doc
      .font('regular')
      .fontSize(7)
      .fillColor('#666')
      .text(`${rate * 100}%`, MARGIN, y(rate) - 4, { width: 26, align: 'right' });
  }
  doc
    .dash(3, { space: 3 })
    .strokeColor('#c0392b')
    .moveTo(left, y(p.project.consentThreshold))
    .lineTo(left + width, y(p.project.consentThreshold))
    .stroke()
    .undash();
  const series = (pick: (point: (typeof points)[number]) => number, color: string) => {
    doc.lineWidth(1.5).strokeColor(color);
    points.forEach((point, i) => (i === 0 ? doc.moveTo(x(i), y(pick(point))) : doc.lineTo(x(i), y(pick(point)))));
    doc.stroke();
  };
  series((point) => point.consentRate, '#1f6fb2');
  series((point) => point.areaConsentRate, '#27ae60');
  points.forEach((point, i) => {
    if (i % 2 === 0 || i === points.length - 1) {
      doc
        .fontSize(7)
        .fillColor('#666')
        .text(`${point.month.slice(5)}/${point.month.slice(2, 4)}`, x(i) - 14, top + height + 4, {
          width: 28,
          align: 'center',
        });
    }
  });
  doc
    .fillColor('#1f6fb2')
    .fontSize(8)
    .text('— theo số hộ', left, top + height + 16, { continued: true });
  doc.fillColor('#27ae60').text('   — theo diện tích', { continued: true });
  doc.fillColor('#c0392b').text('   - - ngưỡng');
  doc.fillColor('black').strokeColor('black').lineWidth(1);
  doc.x = MARGIN;
  doc.moveDown();
}

/** The 100,000-row household import, timed end to end through the product's API (a job with progress). */
export interface ImportBenchResult {
  rows: number;
  status: string;
  created: number;
  seconds: number;
  rowsPerSecond: number;
  fileMb: number;
}

const HEADER =
  'Mã hộ,Chủ hộ,Địa chỉ,Điện thoại,Số nhân khẩu,Cần tái định cư,Tờ bản đồ,Số thửa,Diện tích thửa (m²),Mục đích sử dụng';

/** A district's list of `rows` households, one parcel each, with new codes. */
export function importCsv(rows: number): Buffer {
  const lines = [HEADER];
  for (let i = 1; i <= rows; i += 1) {
    lines.push(
      `NK-${i},Nguyễn Văn Nhập ${i},"Số ${i % 200}, xóm ${i % 15}, Phú Thượng",,${1 + (i % 7)},không,${i % 60},${i},${50 + (i % 400)},ODT`,
    );
  }
  return Buffer.from(lines.join('\n'), 'utf8');
}

export async function benchImport(
  baseUrl: string,
  token: string,
  projectId: string,
  rows = 100_000,
): Promise<ImportBenchResult> {
  const csv = importCsv(rows);
  const form = new FormData();
  form.append('mode', 'commit');
  form.append('file', new Blob([csv], { type: 'text/csv' }), 'nhap-ho-dan.csv');
  const headers = { authorization: `Bearer ${token}` };
  const started = performance.now();
  const response = await fetch(`${baseUrl}/api/v1/projects/${projectId}/imports`, {
    method: 'POST',
    body: form,
    headers,
  });
  let record = (await response.json()) as { id: string; status: string; created: number };
  if (!response.ok && response.status !== 202)
    throw new Error(`import refused: ${response.status} ${JSON.stringify(record)}`);
  while (record.status === 'queued' || record.status === 'running') {
    await new Promise((resolve) => setTimeout(resolve, 200));
    record = (await (await fetch(`${baseUrl}/api/v1/imports/${record.id}`, { headers })).json()) as typeof record;
  }
  const seconds = (performance.now() - started) / 1000;
  return {
    rows,
    status: record.status,
    created: record.created,
    seconds: Math.round(seconds * 10) / 10,
    rowsPerSecond: Math.round(rows / seconds),
    fileMb: Math.round((csv.length / (1024 * 1024)) * 10) / 10,
  };
}

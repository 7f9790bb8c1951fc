/** 0.7333 → "73 %", as the ward reports round it. */
export const percent = (rate: number): string => `${Math.round(rate * 100)} %`;

/** 1234.5 → "1.234,5". */
export const number = (value: number): string => value.toLocaleString('vi-VN', { maximumFractionDigits: 1 });

/** "2026-03-07" → "07/03/2026". */
export const viDate = (date: string | null | undefined): string =>
  date ? `${date.slice(8, 10)}/${date.slice(5, 7)}/${date.slice(0, 4)}` : '';

export const STATUS_LABELS: Record<string, string> = {
  not_contacted: 'Chưa tiếp xúc',
  persuading: 'Đang vận động',
  objecting: 'Không đồng ý',
  conditional: 'Đồng ý có điều kiện',
  agreed: 'Đồng ý',
  enforcement_pending: 'Chờ cưỡng chế',
  handed_over: 'Đã bàn giao',
};

export const OUTCOME_LABELS: Record<string, string> = {
  absent: 'Vắng nhà',
  listened: 'Lắng nghe',
  hesitant: 'Còn băn khoăn',
  refused: 'Từ chối',
  conditional: 'Đồng ý có điều kiện',
  agreed: 'Đồng ý',
};

/** A text field of a submitted form ('' when absent). */
export const field = (form: FormData, name: string): string => {
  const value = form.get(name);
  return typeof value === 'string' ? value : '';
};

/** An instant as Hanoi reads it: "20/03/2026 08:30". */
export const viDateTime = (iso: string): string =>
  new Date(iso).toLocaleString('vi-VN', {
    timeZone: 'Asia/Ho_Chi_Minh',
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  });

export const DIALOGUE_STATUS_LABELS: Record<string, string> = {
  scheduled: 'Đã lên lịch',
  held: 'Đã tổ chức',
  cancelled: 'Đã huỷ',
};

export const POSITION_LABELS: Record<string, string> = {
  agree: 'đồng ý',
  object: 'không đồng ý',
  conditional: 'đồng ý có điều kiện',
  undecided: 'chưa quyết định',
};

/** The audit trail's verbs, as a reader says them; an unknown one is shown as it is. */
export const AUDIT_ACTION_LABELS: Record<string, string> = {
  create: 'tạo mới',
  update: 'cập nhật',
  transition: 'đổi trạng thái',
  archive: 'lưu trữ',
  restore: 'khôi phục',
  delete: 'xoá',
  revoke: 'thu hồi',
};

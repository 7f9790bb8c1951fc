/**
 * Name and text pools for the seeded households, written with their diacritics (NFC) so that the
 * search path exercises gpmb_fold() the way real data does. Family names follow roughly their real
 * frequency: Nguyễn alone is about two households in five.
 */
const FAMILY_WEIGHTS: ReadonlyArray<[string, number]> = [
  ['Nguyễn', 38],
  ['Trần', 11],
  ['Lê', 9],
  ['Phạm', 7],
  ['Hoàng', 5],
  ['Phan', 4],
  ['Vũ', 4],
  ['Đặng', 3],
  ['Bùi', 3],
  ['Đỗ', 3],
  ['Hồ', 2],
  ['Ngô', 2],
  ['Dương', 2],
  ['Lý', 2],
  ['Đinh', 2],
  ['Trịnh', 2],
  ['Chu', 1],
];

/** One entry per percent, so a uniform pick from it follows the weights. */
export const FAMILY_NAMES: readonly string[] = FAMILY_WEIGHTS.flatMap(([name, weight]) =>
  Array.from({ length: weight }, () => name),
);

export const MIDDLE_NAMES = ['Văn', 'Thị', 'Hữu', 'Đức', 'Minh', 'Thanh', 'Ngọc', 'Quang', 'Kim', 'Xuân', 'Công'];

export const GIVEN_NAMES = [
  'An',
  'Bình',
  'Cường',
  'Dũng',
  'Giang',
  'Hà',
  'Hải',
  'Hạnh',
  'Hoa',
  'Hùng',
  'Hương',
  'Khánh',
  'Lan',
  'Linh',
  'Loan',
  'Long',
  'Mai',
  'Nam',
  'Nga',
  'Phúc',
  'Phương',
  'Quân',
  'Sơn',
  'Tâm',
  'Thảo',
  'Thắng',
  'Thủy',
  'Trang',
  'Tuấn',
  'Việt',
  'Yến',
  'Đạt',
];

export const STREETS = ['An Dương Vương', 'Phú Thượng', 'Võ Chí Công', 'Lạc Long Quân', 'Âu Cơ', 'Nhật Chiêu'];

/** Land-use codes of the parcels: residential, rice, annual crops, perennial crops, aquaculture. */
export const LAND_USES = ['ODT', 'ODT', 'ODT', 'LUC', 'BHK', 'CLN', 'NTS'];

export const VISIT_NOTES = [
  'Hộ nghe phổ biến phương án bồi thường, hẹn trả lời sau.',
  'Chủ hộ vắng nhà, đã để lại giấy mời họp.',
  'Hộ đề nghị xem lại đơn giá bồi thường cây trồng.',
  'Hộ đồng ý về nguyên tắc, chờ ý kiến các con.',
  'Hộ băn khoăn về suất tái định cư, đã giải thích chính sách.',
  'Hộ không đồng ý, đề nghị đối thoại với Ban bồi thường.',
];

export const CONDITIONS = ['resettlement_housing', 'compensation_review', 'land_valuation', 'relocation_support'];

/** The reason the product writes when a first visit moves a household to persuading. */
export const FIRST_VISIT_REASON = 'Thăm hộ lần đầu: bắt đầu vận động';

export const OFFICER = { email: 'canbo.bench@bench.gpmb.vn', fullName: 'Trần Thị Mai', role: 'officer' } as const;
export const CHAIR = { email: 'chutich.bench@bench.gpmb.vn', fullName: 'Nguyễn Văn Thành', role: 'chair' } as const;
export const FIELD_TEAM = ['Trần Thị Mai', 'Hoàng Văn Nam'];

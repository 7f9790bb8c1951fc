import { FIRST_VISIT_REASON } from '../modules/households/domain/consent-status.js';
import type { Random } from './random.js';

/**
 * Vietnamese names and phrasing for the demo. Every person in the demo data is invented; only the
 * projects, places and figures come from the 2024 report on Tây Hồ (see shared/domain.md).
 */
const FAMILY_NAMES: readonly (readonly [string, number])[] = [
  ['Nguyễn', 30],
  ['Trần', 10],
  ['Lê', 9],
  ['Phạm', 7],
  ['Hoàng', 5],
  ['Vũ', 4],
  ['Đặng', 3],
  ['Bùi', 3],
  ['Đỗ', 3],
  ['Ngô', 2],
  ['Dương', 2],
  ['Đào', 2],
  ['Đinh', 2],
  ['Phan', 2],
  ['Hồ', 1],
  ['Lý', 1],
  ['Trịnh', 1],
  ['Tạ', 1],
  ['Chu', 1],
  ['Kiều', 1],
];
const MALE_MIDDLE = ['Văn', 'Văn', 'Đức', 'Minh', 'Quang', 'Hữu', 'Xuân', 'Ngọc', 'Thanh', 'Mạnh', 'Công'];
const MALE_GIVEN = [
  'Hùng',
  'Dũng',
  'Tuấn',
  'Hải',
  'Long',
  'Thắng',
  'Bình',
  'Sơn',
  'Hòa',
  'Phúc',
  'Tiến',
  'Cường',
  'Khánh',
  'Nam',
  'Quý',
  'Thịnh',
  'Toàn',
  'Vinh',
  'Lâm',
  'Hiếu',
  'Đạt',
  'Trung',
  'Nghĩa',
  'Lợi',
];
const FEMALE_MIDDLE = ['Thị', 'Thị', 'Thị', 'Thu', 'Ngọc', 'Thanh', 'Kim', 'Bích', 'Hồng'];
const FEMALE_GIVEN = [
  'Lan',
  'Hương',
  'Hoa',
  'Mai',
  'Hằng',
  'Nga',
  'Hà',
  'Liên',
  'Thủy',
  'Yến',
  'Oanh',
  'Loan',
  'Dung',
  'Tâm',
  'Hạnh',
  'Nhung',
  'Vân',
  'Huệ',
  'Thảo',
  'Xuân',
];

/** A head of household (chủ hộ); most registered heads are men, many are not. */
export function personName(rng: Random): string {
  const family = rng.weighted(FAMILY_NAMES);
  return rng.chance(0.7)
    ? `${family} ${rng.pick(MALE_MIDDLE)} ${rng.pick(MALE_GIVEN)}`
    : `${family} ${rng.pick(FEMALE_MIDDLE)} ${rng.pick(FEMALE_GIVEN)}`;
}

/** A Vietnamese mobile number (Viettel/Vinaphone/Mobifone prefixes); some households gave none. */
export function phoneNumber(rng: Random): string | null {
  if (rng.chance(0.15)) return null;
  return `${rng.pick(['098', '097', '096', '091', '094', '090', '093', '086', '088', '035', '039'])}${String(rng.int(0, 9_999_999)).padStart(7, '0')}`;
}

/** A working group (tổ công tác): ward officers, the Fatherland Front's member, residential-group leaders. */
export interface Crew {
  officers: readonly string[];
  /** Ủy ban Mặt trận Tổ quốc phường: supervises, joins some visits. */
  frontMember: string;
  /** Tổ trưởng tổ dân phố: knows the families, opens doors. */
  groupLeaders: readonly string[];
  /** The land officer (cán bộ địa chính) who signs hand-over minutes. */
  landOfficer: string;
}

/** Who goes on one visit: two or three officers, sometimes the Front's member or a group leader. */
export function visitParty(rng: Random, crew: Crew): string[] {
  const party = rng.sample(rng.shuffle(crew.officers), rng.int(2, 3));
  if (rng.chance(0.3)) party.push(crew.frontMember);
  if (rng.chance(0.2)) party.push(rng.pick(crew.groupLeaders));
  return party;
}

export const NOTES = {
  absent: [
    'Gia đình đi vắng, đã gửi giấy mời làm việc qua tổ trưởng tổ dân phố.',
    'Không gặp chủ hộ; đã để lại thông báo và số điện thoại của tổ công tác.',
    'Nhà khóa cửa. Hàng xóm cho biết chủ hộ về quê, tổ công tác hẹn quay lại.',
    'Chỉ gặp con dâu chủ hộ, không đủ thẩm quyền trao đổi; hẹn buổi khác.',
  ],
  listened: [
    'Tổ công tác giải thích chính sách bồi thường, hỗ trợ và tái định cư theo phương án đã phê duyệt; chủ hộ lắng nghe, xin thêm thời gian bàn với gia đình.',
    'Trao bản sao phương án bồi thường và bảng tính chi tiết của hộ; hộ hứa đọc kỹ và phản hồi.',
    'Giải đáp thắc mắc về cách tính diện tích đất ở và công trình phụ; hộ ghi nhận.',
    'Hộ tiếp tổ công tác cởi mở, hỏi thêm về tiến độ chi trả tiền bồi thường.',
    'Cùng tổ trưởng tổ dân phố trao đổi với chủ hộ về lợi ích của dự án đối với khu dân cư.',
  ],
  hesitant: [
    'Hộ còn băn khoăn về đơn giá bồi thường, đề nghị được xem lại biên bản kiểm đếm.',
    'Các thành viên trong gia đình chưa thống nhất ý kiến; chủ hộ muốn chờ con trai đi làm xa về.',
    'Hộ lo chỗ ở tạm trong thời gian chờ tái định cư, đề nghị được hỗ trợ tiền thuê nhà.',
    'Hộ hỏi về thời hạn nhận tiền và thủ tục bàn giao; chưa đưa ra ý kiến cuối cùng.',
  ],
  refused: [
    'Hộ không đồng ý với đơn giá bồi thường, cho rằng thấp hơn nhiều so với giá thị trường; không ký biên bản.',
    'Chủ hộ từ chối làm việc, đề nghị gặp trực tiếp lãnh đạo UBND.',
    'Hộ giữ quan điểm không bàn giao khi đơn khiếu nại chưa được giải quyết.',
    'Hộ phản đối kết quả đo đạc diện tích, yêu cầu đo lại với sự có mặt của các hộ liền kề.',
  ],
  agreed: [
    'Hộ đồng ý phương án bồi thường, hỗ trợ; đã ký biên bản thống nhất.',
    'Hộ đồng ý, hẹn ngày nhận tiền bồi thường và bàn giao mặt bằng.',
  ],
  awaitingHandover: [
    'Hộ đã đồng ý, đang chờ chi trả tiền bồi thường; tổ công tác hướng dẫn hoàn thiện hồ sơ nhận tiền.',
    'Hộ đang thu dọn tài sản, hẹn ngày bàn giao mặt bằng.',
    'Nhắc hộ bổ sung giấy tờ thừa kế để nhận tiền bồi thường.',
  ],
  afterEnforcementDecision: [
    'Đã có quyết định cưỡng chế; tổ công tác vẫn đến vận động để hộ tự nguyện chấp hành.',
    'Giải thích quyền lợi nếu tự nguyện bàn giao trước ngày cưỡng chế; hộ xin thêm thời gian suy nghĩ.',
  ],
} as const;

export const CONDITION_NOTES = {
  resettlement_housing: 'Cam kết bàn giao mặt bằng ngay khi được bố trí căn hộ từ quỹ nhà tái định cư.',
  compensation_review: 'Đồng ý nếu công trình phụ (bể nước, mái tôn, tường rào) được kiểm đếm bổ sung.',
  land_valuation: 'Đồng ý nếu phần đất vườn liền kề được xác định lại loại đất và đơn giá.',
  relocation_support: 'Đồng ý nếu được hỗ trợ đào tạo chuyển đổi nghề cho lao động nông nghiệp trong gia đình.',
  other: 'Đồng ý có điều kiện, xem ghi chú của tổ công tác.',
} as const;

export const CONDITIONAL_VISIT_NOTES = {
  resettlement_housing: [
    'Hộ vẫn giữ cam kết bàn giao khi có căn hộ tái định cư; hỏi tiến độ bố trí quỹ nhà của thành phố.',
    'Tổ công tác thông báo danh sách quỹ nhà tái định cư đang rà soát; hộ tiếp tục chờ.',
  ],
  other: ['Hộ giữ nguyên điều kiện đã nêu; tổ công tác báo cáo để trả lời bằng văn bản.'],
} as const;

export const REASONS = {
  /** The same words the visits service records for a first visit, so demo history reads like live history. */
  firstVisit: FIRST_VISIT_REASON,
  objecting: [
    'Không đồng ý đơn giá bồi thường đất ở',
    'Phản đối kết quả kiểm đếm diện tích',
    'Yêu cầu bồi thường theo giá thị trường',
    'Đang có đơn khiếu nại về phương án bồi thường',
    'Các đồng thừa kế chưa thống nhất ý kiến',
  ],
  objectingFarmland: [
    'Không đồng ý đơn giá bồi thường đất nông nghiệp',
    'Yêu cầu được giao đất dịch vụ trước khi bàn giao',
    'Phản đối việc xác định loại đất của thửa đất vườn',
  ],
  backToPersuading: [
    'Hộ đồng ý tiếp tục làm việc sau khi được giải thích lại chính sách',
    'Đơn khiếu nại đã được trả lời, hộ sẵn sàng trao đổi tiếp',
  ],
  agreed: 'Hộ đồng ý phương án bồi thường, hỗ trợ và ký biên bản thống nhất',
  complied: 'Hộ chấp hành quyết định thu hồi đất trước ngày tổ chức cưỡng chế, cam kết tự nguyện bàn giao',
} as const;

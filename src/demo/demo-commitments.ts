import type { EntityManager } from 'typeorm';
import { CommitmentUpdate } from '../modules/commitments/commitment-update.entity.js';
import { Commitment } from '../modules/commitments/commitment.entity.js';
import type { ReviewRating } from '../modules/commitments/domain/commitment.rules.js';
import { hanoiInstant } from './calendar.js';

interface CommitmentSeed {
  unitCode: string;
  year: number;
  owner: string;
  ownerTitle: string;
  title: string;
  projectCode: string | null;
  scopeText?: string;
  target: string;
  deadline: string;
  registeredOn: string;
  updates: Array<{ on: string; note: string; progressPercent: number }>;
  closed?: { on: string; outcome: 'done' | 'not_done'; note: string };
  review?: { on: string; rating: ReviewRating; comments: string };
}

const FRONT = 'mttq.hanoi@demo.gpmb.vn';

/**
 * The hard tasks (việc khó) the Tây Hồ cadres registered for 2022–2023, as the 2024 report tells
 * them, each reviewed by the Fatherland Front at year end; and one of this year, still open.
 */
function seeds(thisYear: number): CommitmentSeed[] {
  return [
    {
      unitCode: 'HN-TAYHO',
      year: 2023,
      owner: 'chutich.tayho@demo.gpmb.vn',
      ownerTitle: 'Thành viên Ban chỉ đạo GPMB quận Tây Hồ',
      title: 'Giải quyết dứt điểm các hộ chưa đồng thuận của dự án mương thoát nước Thụy Khuê',
      projectCode: 'TK-MUONG-2012',
      target:
        'Vận động 44 hộ còn chưa đồng thuận; đến hết năm 2023 không quá 8 hộ, và mỗi hộ còn lại cam kết ' +
        'bàn giao mặt bằng khi có quỹ nhà tái định cư',
      deadline: '2023-12-31',
      registeredOn: '2023-01-16',
      updates: [
        {
          on: '2023-04-12',
          note: 'Tổ chức 3 buổi đối thoại; 14 hộ ký biên bản thống nhất phương án',
          progressPercent: 30,
        },
        { on: '2023-08-21', note: 'Còn 17 hộ; tiếp tục vận động tại nhà cả ngày nghỉ', progressPercent: 65 },
        {
          on: '2023-12-18',
          note: 'Còn 8 hộ, cả 8 hộ đã ký cam kết bàn giao khi được bố trí nhà tái định cư',
          progressPercent: 100,
        },
      ],
      closed: { on: '2023-12-28', outcome: 'done', note: 'Đạt mục tiêu: còn 8 hộ, đều có cam kết bàn giao' },
      review: {
        on: '2024-01-19',
        rating: 'good',
        comments: 'Kiên trì vận động, đối thoại trực tiếp với từng hộ; 8 hộ còn lại phụ thuộc quỹ nhà tái định cư',
      },
    },
    {
      unitCode: 'HN-TAYHO',
      year: 2023,
      owner: 'chutich.tayho@demo.gpmb.vn',
      ownerTitle: 'Thành viên Ban chỉ đạo GPMB quận Tây Hồ',
      title: 'Thu hồi thửa đất số 18 Tam Đa để xây nhà sinh hoạt cộng đồng tổ dân phố 9 và 11',
      projectCode: 'TAMDA-18',
      target: 'Thu hồi và bàn giao thửa đất 120 m² vướng mắc gần 20 năm trong năm 2023',
      deadline: '2023-12-31',
      registeredOn: '2023-01-16',
      updates: [
        {
          on: '2023-05-08',
          note: 'Làm việc với các đồng thừa kế; thống nhất phương án bồi thường',
          progressPercent: 60,
        },
        { on: '2023-09-25', note: 'Đã bàn giao mặt bằng cho chủ đầu tư', progressPercent: 100 },
      ],
      closed: { on: '2023-10-02', outcome: 'done', note: 'Đã thu hồi, bàn giao mặt bằng 120 m²' },
      review: {
        on: '2024-01-19',
        rating: 'excellent',
        comments: 'Giải quyết dứt điểm vụ việc tồn đọng gần 20 năm; nhân dân tổ dân phố 9 và 11 đồng tình',
      },
    },
    {
      unitCode: 'HN-TAYHO-PHUTHUONG',
      year: 2023,
      owner: 'canbo.phuthuong@demo.gpmb.vn',
      ownerTitle: 'Tổ trưởng Tổ công tác số 1 phường Phú Thượng',
      title: 'Đối thoại, vận động toàn bộ các hộ còn lại của khu đô thị Nam Thăng Long giai đoạn 3',
      projectCode: 'NTL-GD3',
      target: 'Gặp và đối thoại với 100 % số hộ còn chưa bàn giao; trả lời mọi khiếu nại đúng hạn luật định',
      deadline: '2023-11-30',
      registeredOn: '2023-02-06',
      updates: [
        { on: '2023-06-30', note: 'Đã tổ chức 12 buổi đối thoại, thăm 80 % số hộ', progressPercent: 55 },
        {
          on: '2023-11-20',
          note: 'Đã gặp toàn bộ số hộ; các khiếu nại đều được trả lời trong hạn',
          progressPercent: 100,
        },
      ],
      closed: { on: '2023-11-28', outcome: 'done', note: 'Hoàn thành đối thoại với toàn bộ các hộ' },
      review: {
        on: '2024-01-19',
        rating: 'excellent',
        comments: 'Nhiều buổi đối thoại, đến từng hộ; không để phát sinh khiếu nại quá hạn',
      },
    },
    {
      unitCode: 'HN-TAYHO',
      year: 2022,
      owner: 'chutich.tayho@demo.gpmb.vn',
      ownerTitle: 'Thành viên Ban chỉ đạo GPMB quận Tây Hồ',
      title: 'Di dời thuyền neo đậu tại Đầm Bảy ra khỏi hồ Tây',
      projectCode: null,
      scopeText: 'Các thuyền, bè neo đậu trái phép tại khu vực Đầm Bảy, hồ Tây (phường Nhật Tân)',
      target: 'Vận động chủ thuyền tự di dời; không còn thuyền neo đậu tại Đầm Bảy trước ngày 31/12/2022',
      deadline: '2022-12-31',
      registeredOn: '2022-02-14',
      updates: [{ on: '2022-09-05', note: 'Đã di dời 21 thuyền; còn 6 thuyền đang vận động', progressPercent: 75 }],
      closed: { on: '2022-12-20', outcome: 'done', note: 'Không còn thuyền neo đậu tại Đầm Bảy' },
      review: {
        on: '2023-01-12',
        rating: 'completed',
        comments: 'Hoàn thành mục tiêu; cần duy trì kiểm tra thường xuyên',
      },
    },
    {
      unitCode: 'HN-P-TAYHO',
      year: thisYear,
      owner: 'chutich.tayho@demo.gpmb.vn',
      ownerTitle: 'Chủ tịch UBND phường Tây Hồ',
      title: 'Bàn giao mặt bằng của các hộ mương Thụy Khuê chờ nhà tái định cư',
      projectCode: 'TK-MUONG-2012',
      target: 'Bố trí nhà tái định cư và nhận bàn giao mặt bằng của các hộ đã cam kết',
      deadline: `${thisYear}-12-31`,
      registeredOn: `${thisYear}-01-20`,
      updates: [],
    },
  ];
}

/** Inserts the demo's commitments with their reports and reviews; returns how many. */
export async function insertDemoCommitments(em: EntityManager, today: string): Promise<number> {
  const thisYear = Number(today.slice(0, 4));
  const all = seeds(thisYear).filter((seed) => seed.registeredOn <= today);
  const users: Array<{ id: string; email: string; full_name: string }> = await em.query(
    `SELECT id, email, full_name FROM users WHERE email = ANY($1)`,
    [[...new Set([FRONT, ...all.map((seed) => seed.owner)])]],
  );
  const user = new Map(users.map((row) => [row.email, row]));
  const front = user.get(FRONT);
  let inserted = 0;
  for (const seed of all) {
    const owner = user.get(seed.owner);
    const [unit] = await em.query<Array<{ id: string }>>(`SELECT id FROM administrative_units WHERE code = $1`, [
      seed.unitCode,
    ]);
    const [project] = seed.projectCode
      ? await em.query<Array<{ id: string }>>(`SELECT id FROM projects WHERE code = $1`, [seed.projectCode])
      : [null];
    if (!owner || !unit || (seed.projectCode && !project)) continue;
    const registeredAt = hanoiInstant(seed.registeredOn, 9 * 60);
    const commitment = await em.save(
      Commitment,
      em.create(Commitment, {
        administrativeUnitId: unit.id,
        year: seed.year,
        ownerId: owner.id,
        ownerName: owner.full_name,
        ownerTitle: seed.ownerTitle,
        title: seed.title,
        scopeKind: project ? 'project' : 'free_text',
        projectId: project?.id ?? null,
        householdIds: [],
        scopeText: seed.scopeText ?? null,
        target: seed.target,
        deadline: seed.deadline,
        status: seed.closed?.outcome ?? 'open',
        closedAt: seed.closed ? hanoiInstant(seed.closed.on, 16 * 60) : null,
        closingNote: seed.closed?.note ?? null,
        reviewRating: seed.review && front ? seed.review.rating : null,
        reviewComments: seed.review && front ? seed.review.comments : null,
        reviewedBy: seed.review && front ? front.full_name : null,
        reviewedById: seed.review && front ? front.id : null,
        reviewedAt: seed.review && front ? hanoiInstant(seed.review.on, 10 * 60) : null,
        createdBy: owner.full_name,
        createdById: owner.id,
        version: 1 + seed.updates.length + (seed.closed ? 1 : 0) + (seed.review ? 1 : 0),
        createdAt: registeredAt,
        updatedAt: registeredAt,
      }),
    );
    if (seed.updates.length) {
      await em.insert(
        CommitmentUpdate,
        seed.updates.map((update) => ({
          commitmentId: commitment.id,
          at: hanoiInstant(update.on, 15 * 60),
          note: update.note,
          progressPercent: update.progressPercent,
          evidenceIds: [],
          author: owner.full_name,
          authorId: owner.id,
        })),
      );
    }
    inserted += 1;
  }
  return inserted;
}

import type { Project } from '../../modules/projects/project.entity.js';
import { hanoiInstant } from '../calendar.js';
import { HouseholdHistory } from '../household-history.js';
import { Playbook, type Segment } from '../playbook.js';
import { householdRow, type ProjectData, type RecipeContext } from '../project-data.js';
import { type Crew, phoneNumber, REASONS } from '../vietnamese.js';

export const TAM_DA = { code: 'TAMDA-18', areaM2: 120 } as const;

const CREW: Crew = {
  officers: ['Trần Quang Huy', 'Hoàng Minh Châu', 'Nguyễn Thị Thu Hà'],
  frontMember: 'Bùi Thị Xuân',
  groupLeaders: ['Tạ Thị Bình', 'Kiều Văn Hải'],
  landOfficer: 'Phạm Văn Sơn',
};

/** Twenty years of refusals, then agreement and hand-over in 2023. */
const TIMELINE: Segment[] = [
  { from: '2004-03-01', to: '2005-12-30', milestones: [{ to: 'objecting' }], visits: 1 },
  { from: '2006-01-03', to: '2021-12-30', visits: 5 },
  { from: '2022-01-04', to: '2022-12-30', visits: 2 },
  { from: '2023-01-03', to: '2023-05-31', milestones: [{ to: 'agreed' }], visits: 2 },
  { from: '2023-06-01', to: '2023-09-29', milestones: [{ to: 'handed_over' }], visits: 1 },
];

/**
 * The 120 m² plot at 18 Tam Đa, stuck for about twenty years and recovered in 2023 to build the
 * community house (nhà văn hóa) of residential groups 9 and 11.
 */
export function tamDa({ people, events, ids, eventIds }: RecipeContext): ProjectData {
  const projectId = ids.uuid();
  const createdAt = hanoiInstant('2003-10-01', 9 * 60);
  const playbook = new Playbook(events, CREW, {
    documentPrefix: 'TD',
    objectingReasons: REASONS.objecting,
    localNotes: ['Hộ cho rằng thửa đất là đất ông cha để lại, đề nghị xem xét nguồn gốc sử dụng đất trước năm 1993.'],
    enforcementAuthority: () => 'UBND quận Tây Hồ',
  });

  const householdId = ids.uuid();
  const history = new HouseholdHistory(householdId, projectId, createdAt, eventIds);
  for (const segment of TIMELINE) playbook.play(history, segment);
  const household = householdRow(
    {
      id: householdId,
      projectId,
      code: 'TD-18',
      headName: 'Hoàng Văn Thịnh',
      address: 'Số 18 Tam Đa',
      phone: phoneNumber(people),
      memberCount: 5,
      landAreaM2: TAM_DA.areaM2,
      landAreaSource: 'declared',
      needsResettlement: false,
      vulnerable: false,
      createdAt,
    },
    history,
  );

  const project: Project = {
    id: projectId,
    code: TAM_DA.code,
    name: 'Thu hồi thửa đất số 18 Tam Đa xây dựng nhà văn hóa tổ dân phố 9 và 11',
    description:
      'Thửa đất 120 m² tại số 18 Tam Đa vướng mắc gần 20 năm; thu hồi, bàn giao năm 2023 để xây dựng nhà văn hóa chung cho tổ dân phố số 9 và số 11.',
    totalAreaM2: TAM_DA.areaM2,
    startedOn: '2003-01-01',
    targetOn: null,
    cutoffOn: '2003-09-30',
    consentThreshold: 1,
    status: 'completed',
    staleAfterDays: 30,
    version: 2,
    createdAt,
    updatedAt: history.fields().updatedAt,
  };
  return {
    project,
    unitCodes: ['HN-TAYHO'],
    households: [household],
    parcels: [],
    histories: [history],
    sessions: [],
    participants: [],
  };
}

import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { assertVersion, NotFoundError } from '../../common/errors/domain-error.js';
import { JobsService } from '../../jobs/jobs.service.js';
import { ResolvesScope } from '../access/scope-resolvers.js';
import { projectInScope, type RecordLocation, type Scope, unitsInScope, visibleProjectIds } from '../access/scope.js';
import { AdministrativeUnitsService } from '../administrative-units/administrative-units.service.js';
import type { AddUnitsDto } from './dto/add-units.dto.js';
import type { CreateFundDto } from './dto/create-fund.dto.js';
import type { ListFundsQuery } from './dto/list-funds.query.js';
import type { ListUnitsQuery } from './dto/list-units.query.js';
import type { UpdateFundDto } from './dto/update-fund.dto.js';
import type { PageQueryDto } from '../../common/http/pagination.js';
import {
  DuplicateUnitCodesError,
  ProtectedFundProjectsError,
  UnknownFundProjectsError,
  UnknownFundUnitError,
} from './resettlement.errors.js';
import { FundsRepository, type WaitingEntry } from './funds.repository.js';
import { UnitsRepository } from './units.repository.js';
import type { ResettlementFund } from './resettlement-fund.entity.js';
import type { ResettlementUnit } from './resettlement-unit.entity.js';
import { TransactionHost } from '../../database/transaction-host.js';

export interface FundWithProjects {
  fund: ResettlementFund;
  projectIds: string[];
}

export interface AddedUnits {
  fundId: string;
  units: ResettlementUnit[];
  /** The id of the offer round enqueued for them. */
  job: string;
}

/**
 * Funds, their units and their waiting list. A fund is visible to a caller who sees at least one
 * of the projects it serves; to anyone else it does not exist.
 */
@Injectable()
export class ResettlementFundsService {
  constructor(
    private readonly tx: TransactionHost,
    private readonly funds: FundsRepository,
    private readonly units: UnitsRepository,
    private readonly administrativeUnits: AdministrativeUnitsService,
    private readonly jobs: JobsService,
  ) {}

  async create(input: CreateFundDto, scope: Scope): Promise<FundWithProjects> {
    await this.assertUnitUsable(input.administrativeUnitId, scope);
    await this.assertProjectsUsable(input.projectIds, scope);
    const { projectIds, ...fields } = input;
    return this.tx.run(async () => {
      const fund = await this.funds.insertFund(fields);
      await this.funds.replaceProjects(fund.id, projectIds);
      return { fund, projectIds: [...projectIds].sort() };
    });
  }

  async get(id: string): Promise<FundWithProjects> {
    const fund = await this.funds.findFund(id);
    if (!fund) throw new NotFoundError('ResettlementFund', id);
    return { fund, projectIds: await this.funds.projectIdsOf(id) };
  }

  /**
   * Where a fund lies, for `@InScope('resettlementFund')`: in the projects it serves, so a caller
   * who sees one of them sees the fund, and to anyone else it does not exist.
   */
  @ResolvesScope('resettlementFund')
  async locate(id: string): Promise<RecordLocation | null> {
    const fund = await this.funds.findFund(id);
    return fund ? { projectIds: await this.funds.projectIdsOf(id) } : null;
  }

  async list(query: ListFundsQuery, scope: Scope): Promise<[FundWithProjects[], number]> {
    const [funds, total] = await this.funds.listFunds(
      { projectId: query.projectId, administrativeUnitId: query.administrativeUnitId },
      visibleProjectIds(scope),
      query,
    );
    const projects = await this.funds.projectIdsByFund(funds.map((fund) => fund.id));
    return [funds.map((fund) => ({ fund, projectIds: projects.get(fund.id) ?? [] })), total];
  }

  async update(
    id: string,
    input: UpdateFundDto,
    expected: number | undefined,
    scope: Scope,
  ): Promise<FundWithProjects> {
    const { projectIds, version: _version, ...fields } = input;
    return this.tx.run(async () => {
      const fund = await this.funds.findFundForUpdate(id);
      if (!fund) throw new NotFoundError('ResettlementFund', id);
      assertVersion('ResettlementFund', fund, expected);
      // Checked under the fund's lock, against the links as they are now (not as read before it).
      // Moving the fund needs a unit in the caller's scope; keeping where it is needs nothing.
      if (fields.administrativeUnitId && fields.administrativeUnitId !== fund.administrativeUnitId) {
        await this.assertUnitUsable(fields.administrativeUnitId, scope);
      }
      // Projects the fund already serves may stay even when outside the caller's scope, and only the
      // caller's own may go; new ones must be in it.
      if (projectIds) {
        const linked = await this.funds.projectIdsOf(id);
        const protectedIds = linked.filter(
          (projectId) => !projectIds.includes(projectId) && !projectInScope(scope, projectId),
        );
        if (protectedIds.length) throw new ProtectedFundProjectsError(protectedIds);
        await this.assertProjectsUsable(
          projectIds.filter((projectId) => !linked.includes(projectId)),
          scope,
        );
      }
      Object.assign(fund, fields);
      fund.version += 1;
      const saved = await this.funds.saveFund(fund);
      if (projectIds) await this.funds.replaceProjects(id, projectIds);
      return { fund: saved, projectIds: await this.funds.projectIdsOf(id) };
    });
  }

  async waitingList(id: string, page: PageQueryDto, scope: Scope): Promise<[WaitingEntry[], number]> {
    await this.get(id);
    return this.funds.waitingList(id, visibleProjectIds(scope), page);
  }

  /**
   * Adds units as available and, in the same transaction, enqueues the round that offers them to
   * the waiting list: committed units are always offered, and a failed insert offers nothing.
   */
  async addUnits(id: string, input: AddUnitsDto): Promise<AddedUnits> {
    await this.get(id);
    const codes = input.units.map((unit) => unit.code);
    const repeated = [...new Set(codes.filter((code, index) => codes.indexOf(code) !== index))];
    if (repeated.length) throw new DuplicateUnitCodesError(repeated);
    const batch = randomUUID();
    const units = await this.tx.run(async () => {
      // The fund's lock makes additions to one fund queue up, so the codes checked stay free.
      await this.funds.findFundForUpdate(id);
      const inserted = await this.units.insertUnits(
        id,
        input.units.map((unit) => ({ code: unit.code, kind: unit.kind, areaM2: unit.areaM2 })),
      );
      await this.jobs.enqueue('resettlement.offer-units', { fundId: id }, { key: `${id}.units.${batch}` });
      return inserted;
    });
    return { fundId: id, units: units.sort((a, b) => (a.code < b.code ? -1 : 1)), job: batch };
  }

  async listUnits(id: string, query: ListUnitsQuery): Promise<[ResettlementUnit[], number]> {
    await this.get(id);
    return this.units.listUnits(id, query.status, query);
  }

  /** The unit must exist and lie in the caller's scope; both cases are one answer, so none leaks. */
  private async assertUnitUsable(administrativeUnitId: string, scope: Scope): Promise<void> {
    const missing = await this.administrativeUnits.findMissing([administrativeUnitId]);
    if (missing.length || !unitsInScope(scope, [administrativeUnitId]).length) {
      throw new UnknownFundUnitError(administrativeUnitId);
    }
  }

  /** Projects must exist and lie in the caller's scope; both cases are one answer, so none leaks. */
  private async assertProjectsUsable(projectIds: readonly string[], scope: Scope): Promise<void> {
    const existing = new Set(await this.funds.existingProjectIds(projectIds));
    const refused = projectIds.filter((projectId) => !existing.has(projectId) || !projectInScope(scope, projectId));
    if (refused.length) throw new UnknownFundProjectsError(refused);
  }
}

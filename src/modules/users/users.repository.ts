import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type DataSource, type EntityManager, In } from 'typeorm';
import { escapeLike } from '../../database/sql.js';
import type { Role } from '../access/domain/roles.js';
import type { LoginAttempts } from './domain/login-lockout.js';
import type { ListUsersQuery } from './dto/list-users.query.js';
import { UserAdministrativeUnit } from './user-administrative-unit.entity.js';
import { User } from './user.entity.js';

/** Serialises changes that could leave no active admin (demotions, deactivations, the bootstrap admin). */
const ADMIN_ROSTER_LOCK = 4_217_101;

export interface UserIdentity {
  id: string;
  email: string;
  fullName: string;
  role: Role;
  administrativeUnitIds: string[];
}

interface IdentityRow {
  id: string;
  email: string;
  full_name: string;
  role: Role;
  unit_ids: string[];
}

@Injectable()
export class UsersRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (em: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  findById(id: string, em: EntityManager = this.dataSource.manager): Promise<User | null> {
    return em.findOneBy(User, { id });
  }

  findByIdForUpdate(id: string, em: EntityManager): Promise<User | null> {
    return em.findOne(User, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  /** The one read that includes the password hash; `lower(email)` is what the unique index is on. */
  findWithPasswordByEmail(email: string): Promise<User | null> {
    return this.dataSource.manager
      .createQueryBuilder(User, 'u')
      .addSelect('u.passwordHash')
      .where('lower(u.email) = lower(:email)', { email })
      .getOne();
  }

  /** An active user and their units in one round trip: this runs on every authenticated request. */
  async findActiveIdentity(id: string): Promise<UserIdentity | null> {
    const rows: IdentityRow[] = await this.dataSource.query(
      `SELECT u.id, u.email, u.full_name, u.role,
              coalesce(array_agg(uau.administrative_unit_id::text)
                         FILTER (WHERE uau.administrative_unit_id IS NOT NULL), '{}') AS unit_ids
         FROM users u
         LEFT JOIN user_administrative_units uau ON uau.user_id = u.id
        WHERE u.id = $1 AND u.active
        GROUP BY u.id`,
      [id],
    );
    const row = rows[0];
    return row
      ? { id: row.id, email: row.email, fullName: row.full_name, role: row.role, administrativeUnitIds: row.unit_ids }
      : null;
  }

  /** Unit ids per user, for a page of users in one query. */
  async unitIdsByUser(
    userIds: readonly string[],
    em: EntityManager = this.dataSource.manager,
  ): Promise<Map<string, string[]>> {
    const links = userIds.length ? await em.find(UserAdministrativeUnit, { where: { userId: In([...userIds]) } }) : [];
    const byUser = new Map<string, string[]>(userIds.map((id) => [id, []]));
    for (const link of links) byUser.get(link.userId)?.push(link.administrativeUnitId);
    return byUser;
  }

  list(query: ListUsersQuery): Promise<[User[], number]> {
    const builder = this.dataSource.manager.createQueryBuilder(User, 'u');
    if (query.role) builder.andWhere('u.role = :role', { role: query.role });
    if (query.active !== undefined) builder.andWhere('u.active = :active', { active: query.active });
    if (query.q) {
      builder.andWhere(`gpmb_fold(u.email || ' ' || u.fullName) LIKE '%' || gpmb_fold(:q) || '%'`, {
        q: escapeLike(query.q),
      });
    }
    return builder.orderBy('u.email', 'ASC').skip(query.offset).take(query.limit).getManyAndCount();
  }

  insert(user: Partial<User>, em: EntityManager): Promise<User> {
    return em.save(User, em.create(User, user));
  }

  save(user: User, em: EntityManager): Promise<User> {
    return em.save(User, user);
  }

  /**
   * Sign-in bookkeeping, kept out of the entity audit: the sign-in itself is audited as login,
   * login_failed or login_locked. The version stays: signing in must not make an admin's ETag stale.
   */
  async saveSignInState(
    id: string,
    state: LoginAttempts & { lastLoginAt?: Date },
    em: EntityManager = this.dataSource.manager,
  ): Promise<void> {
    await em.createQueryBuilder().update(User).set(state).where('id = :id', { id }).callListeners(false).execute();
  }

  async replaceUnits(userId: string, unitIds: readonly string[], em: EntityManager): Promise<void> {
    await em.delete(UserAdministrativeUnit, { userId });
    if (unitIds.length) {
      await em.insert(
        UserAdministrativeUnit,
        unitIds.map((administrativeUnitId) => ({ userId, administrativeUnitId })),
      );
    }
  }

  /** Held until the transaction ends; taken before any row lock, so it cannot deadlock with them. */
  async lockAdminRoster(em: EntityManager): Promise<void> {
    await em.query('SELECT pg_advisory_xact_lock($1)', [ADMIN_ROSTER_LOCK]);
  }

  countActiveAdmins(em: EntityManager = this.dataSource.manager): Promise<number> {
    return em.countBy(User, { role: 'admin', active: true });
  }
}

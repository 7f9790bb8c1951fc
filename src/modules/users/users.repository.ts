import { Injectable } from '@nestjs/common';
import { type EntityManager, In } from 'typeorm';
import { escapeLike } from '../../database/sql.js';
import type { Role } from '../access/domain/roles.js';
import type { LoginAttempts } from './domain/login-lockout.js';
import type { ListUsersQuery } from './dto/list-users.query.js';
import { UserAdministrativeUnit } from './user-administrative-unit.entity.js';
import { User } from './user.entity.js';
import { TransactionHost } from '../../database/transaction-host.js';
import { mapUniqueViolations } from '../../database/unique-violation.js';
import { UserEmailTakenError } from './users.errors.js';

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

const emailTaken = (email: string) => ({ users_email_key: () => new UserEmailTakenError(email) });

@Injectable()
export class UsersRepository {
  constructor(private readonly tx: TransactionHost) {}

  private get manager(): EntityManager {
    return this.tx.manager;
  }

  findById(id: string): Promise<User | null> {
    return this.manager.findOneBy(User, { id });
  }

  findByIdForUpdate(id: string): Promise<User | null> {
    return this.manager.findOne(User, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  /** The one read that includes the password hash; `lower(email)` is what the unique index is on. */
  findWithPasswordByEmail(email: string): Promise<User | null> {
    return this.manager
      .createQueryBuilder(User, 'u')
      .addSelect('u.passwordHash')
      .where('lower(u.email) = lower(:email)', { email })
      .getOne();
  }

  /** An active user and their units in one round trip: this runs on every authenticated request. */
  async findActiveIdentity(id: string): Promise<UserIdentity | null> {
    const rows: IdentityRow[] = await this.manager.query(identitiesWhere('u.id = $1'), [id]);
    return rows[0] ? identityOf(rows[0]) : null;
  }

  /** The active accounts among `ids`, in one query (inactive and unknown ids are left out). */
  async findActiveIdentities(ids: readonly string[]): Promise<UserIdentity[]> {
    if (ids.length === 0) return [];
    const rows: IdentityRow[] = await this.manager.query(identitiesWhere('u.id = ANY($1::uuid[])'), [ids]);
    return rows.map(identityOf);
  }

  /** Unit ids per user, for a page of users in one query. */
  async unitIdsByUser(userIds: readonly string[]): Promise<Map<string, string[]>> {
    const links = userIds.length
      ? await this.manager.find(UserAdministrativeUnit, { where: { userId: In([...userIds]) } })
      : [];
    const byUser = new Map<string, string[]>(userIds.map((id) => [id, []]));
    for (const link of links) byUser.get(link.userId)?.push(link.administrativeUnitId);
    return byUser;
  }

  list(query: ListUsersQuery): Promise<[User[], number]> {
    const builder = this.manager.createQueryBuilder(User, 'u');
    if (query.role) builder.andWhere('u.role = :role', { role: query.role });
    if (query.active !== undefined) builder.andWhere('u.active = :active', { active: query.active });
    if (query.q) {
      builder.andWhere(`gpmb_fold(u.email || ' ' || u.fullName) LIKE '%' || gpmb_fold(:q) || '%'`, {
        q: escapeLike(query.q),
      });
    }
    return builder.orderBy('u.email', 'ASC').skip(query.offset).take(query.limit).getManyAndCount();
  }

  insert(user: Partial<User> & { email: string }): Promise<User> {
    return mapUniqueViolations(() => this.manager.save(User, this.manager.create(User, user)), emailTaken(user.email));
  }

  save(user: User): Promise<User> {
    return mapUniqueViolations(() => this.manager.save(User, user), emailTaken(user.email));
  }

  /**
   * Sign-in bookkeeping, kept out of the entity audit: the sign-in itself is audited as login,
   * login_failed or login_locked. The version stays: signing in must not make an admin's ETag stale.
   */
  async saveSignInState(id: string, state: LoginAttempts & { lastLoginAt?: Date }): Promise<void> {
    await this.manager
      .createQueryBuilder()
      .update(User)
      .set(state)
      .where('id = :id', { id })
      .callListeners(false)
      .execute();
  }

  async replaceUnits(userId: string, unitIds: readonly string[]): Promise<void> {
    await this.manager.delete(UserAdministrativeUnit, { userId });
    if (unitIds.length) {
      await this.manager.insert(
        UserAdministrativeUnit,
        unitIds.map((administrativeUnitId) => ({ userId, administrativeUnitId })),
      );
    }
  }

  /** Held until the transaction ends; taken before any row lock, so it cannot deadlock with them. */
  async lockAdminRoster(): Promise<void> {
    await this.manager.query('SELECT pg_advisory_xact_lock($1)', [ADMIN_ROSTER_LOCK]);
  }

  countActiveAdmins(): Promise<number> {
    return this.manager.countBy(User, { role: 'admin', active: true });
  }
}

/** An active account with its units, for the accounts `where` selects (the access guard's read, among others). */
const identitiesWhere = (where: string) => `
  SELECT u.id, u.email, u.full_name, u.role,
         coalesce(array_agg(uau.administrative_unit_id::text)
                    FILTER (WHERE uau.administrative_unit_id IS NOT NULL), '{}') AS unit_ids
    FROM users u
    LEFT JOIN user_administrative_units uau ON uau.user_id = u.id
   WHERE ${where} AND u.active
   GROUP BY u.id`;

const identityOf = (row: IdentityRow): UserIdentity => ({
  id: row.id,
  email: row.email,
  fullName: row.full_name,
  role: row.role,
  administrativeUnitIds: row.unit_ids,
});

import { Inject, Injectable } from '@nestjs/common';
import { CacheTags } from '../access/cache-tags.js';
import { CacheInvalidations } from '../../common/cache/cache-invalidations.js';
import { Clock } from '../../common/clock/clock.js';
import { assertVersion, NotFoundError } from '../../common/errors/domain-error.js';
import { APP_CONFIG, type AppConfig } from '../../config/app-config.js';
import { EventBus } from '../../events/event-bus.service.js';
import { HandlesJob } from '../../jobs/job-handler.decorator.js';
import { AdministrativeUnitsService } from '../administrative-units/administrative-units.service.js';
import {
  afterFailedLogin,
  FORGET_FAILURES_AFTER_MS,
  lockEndsAt,
  type LockoutPolicy,
  NO_FAILED_LOGINS,
} from './domain/login-lockout.js';
import { judgePassword } from './domain/password-strength.js';
import type { CreateUserDto } from './dto/create-user.dto.js';
import type { ListUsersQuery } from './dto/list-users.query.js';
import type { UpdateUserDto } from './dto/update-user.dto.js';
import { hashPassword, verifyPassword, verifyPasswordOfNobody } from './passwords.js';
import type { User } from './user.entity.js';
import {
  LastActiveAdminError,
  UnknownAdministrativeUnitsError,
  UserEmailTakenError,
  WeakPasswordError,
} from './users.errors.js';
import { type UserIdentity, UsersRepository } from './users.repository.js';
import { SignInFailuresRepository } from './sign-in-failures.repository.js';
import { TransactionHost } from '../../database/transaction-host.js';

export type { UserIdentity } from './users.repository.js';

export interface UserWithUnits {
  user: User;
  administrativeUnitIds: string[];
}

/** The answer to "may this email and password sign in?"; unknown and inactive accounts read as invalid. */
export type CredentialCheck =
  { outcome: 'valid'; userId: string } | { outcome: 'invalid' } | { outcome: 'locked'; lockedUntil: Date };

export type BootstrapAdminOutcome = 'created' | 'admin_exists' | 'email_taken';

/** The name of the administrator created from ADMIN_EMAIL/ADMIN_PASSWORD. */
const BOOTSTRAP_ADMIN_NAME = 'Quản trị viên';

@Injectable()
export class UsersService {
  private readonly lockout: LockoutPolicy;
  private readonly minPasswordStrength: number;

  constructor(
    private readonly tx: TransactionHost,
    private readonly users: UsersRepository,
    private readonly failures: SignInFailuresRepository,
    private readonly units: AdministrativeUnitsService,
    private readonly events: EventBus,
    private readonly clock: Clock,
    private readonly invalidations: CacheInvalidations,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.lockout = { maxFailures: config.auth.loginMaxFailures, lockMinutes: config.auth.loginLockMinutes };
    this.minPasswordStrength = config.auth.passwordMinStrength;
  }

  async create(input: CreateUserDto): Promise<UserWithUnits> {
    this.assertStrongPassword(input.password, [input.email, input.fullName]);
    await this.assertUnitsExist(input.administrativeUnitIds);
    const passwordHash = await hashPassword(input.password);
    return this.tx.run(async () => {
      const user = await this.users.insert({
        email: input.email,
        fullName: input.fullName,
        role: input.role,
        passwordHash,
        active: true,
        ...NO_FAILED_LOGINS,
        version: 1,
      });
      await this.users.replaceUnits(user.id, input.administrativeUnitIds);
      return { user, administrativeUnitIds: input.administrativeUnitIds };
    });
  }

  async get(id: string): Promise<UserWithUnits> {
    const user = await this.users.findById(id);
    if (!user) throw new NotFoundError('User', id);
    const units = await this.users.unitIdsByUser([id]);
    return { user, administrativeUnitIds: units.get(id) ?? [] };
  }

  async list(query: ListUsersQuery): Promise<[UserWithUnits[], number]> {
    const [users, total] = await this.users.list(query);
    const units = await this.users.unitIdsByUser(users.map((user) => user.id));
    return [users.map((user) => ({ user, administrativeUnitIds: units.get(user.id) ?? [] })), total];
  }

  async update(id: string, input: UpdateUserDto, expected: number | undefined): Promise<UserWithUnits> {
    const { administrativeUnitIds, password, version: _version, ...fields } = input;
    if (password !== undefined) {
      // Judged against the account's own email and names, the new one included. The email never changes.
      const current = await this.users.findById(id);
      if (!current) throw new NotFoundError('User', id);
      this.assertStrongPassword(password, [
        current.email,
        current.fullName,
        ...(fields.fullName ? [fields.fullName] : []),
      ]);
    }
    if (administrativeUnitIds) await this.assertUnitsExist(administrativeUnitIds);
    // Hashing is slow on purpose: do it before the row is locked.
    const passwordHash = password === undefined ? undefined : await hashPassword(password);
    const mayRemoveAnAdmin = (fields.role !== undefined && fields.role !== 'admin') || fields.active === false;
    return this.tx.run(async () => {
      if (mayRemoveAnAdmin) await this.users.lockAdminRoster();
      const user = await this.users.findByIdForUpdate(id);
      if (!user) throw new NotFoundError('User', id);
      assertVersion('User', user, expected);
      const wasActiveAdmin = isActiveAdmin(user);
      const deactivating = user.active && fields.active === false;
      Object.assign(user, fields);
      if (wasActiveAdmin && !isActiveAdmin(user) && (await this.users.countActiveAdmins()) <= 1) {
        throw new LastActiveAdminError(id);
      }
      if (passwordHash !== undefined) Object.assign(user, { passwordHash, ...NO_FAILED_LOGINS });
      user.version += 1;
      const saved = await this.users.save(user);
      if (administrativeUnitIds) await this.users.replaceUnits(id, administrativeUnitIds);
      // Name, role, units or access: whatever a process cached about this account is stale.
      this.tx.afterCommit(() => this.invalidations.invalidate(CacheTags.user(id)));
      if (deactivating || passwordHash !== undefined) {
        await this.events.publish('user.access-revoked', {
          userId: id,
          reason: deactivating ? 'deactivated' : 'password-reset',
        });
      }
      const units = administrativeUnitIds ?? (await this.users.unitIdsByUser([id])).get(id) ?? [];
      return { user: saved, administrativeUnitIds: units };
    });
  }

  /**
   * Checks a password and keeps the lock-out count. A locked account is refused before its password
   * is looked at, so guessing on cannot learn anything while the lock runs.
   */
  async verifyCredentials(email: string, password: string): Promise<CredentialCheck> {
    const account = await this.users.findWithPasswordByEmail(email.trim());
    if (!account || !account.active) return this.verifyCredentialsOfNobody(email, password);
    const lockedUntil = lockEndsAt(account, this.clock.now());
    if (lockedUntil) return { outcome: 'locked', lockedUntil };
    if (await verifyPassword(account.passwordHash, password)) {
      await this.users.saveSignInState(account.id, { ...NO_FAILED_LOGINS, lastLoginAt: this.clock.now() });
      return { outcome: 'valid', userId: account.id };
    }
    const lockedNow = await this.recordFailedLogin(account.id);
    return lockedNow ? { outcome: 'locked', lockedUntil: lockedNow } : { outcome: 'invalid' };
  }

  /** The account behind a token, if it still exists and is active. */
  findActiveIdentity(id: string): Promise<UserIdentity | null> {
    return this.users.findActiveIdentity(id);
  }

  /** The active accounts among `ids`, in one query. */
  findActiveIdentities(ids: readonly string[]): Promise<UserIdentity[]> {
    return this.users.findActiveIdentities(ids);
  }

  /**
   * Creates the configured first admin unless an active admin exists. Safe when several processes
   * start together: they queue on a lock, and the unique email index backs that up. A password too
   * easy to guess is refused (WeakPasswordError) like any other, before anything is written.
   */
  async ensureAdmin(account: { email: string; password: string }): Promise<BootstrapAdminOutcome> {
    if ((await this.users.countActiveAdmins()) > 0) return 'admin_exists';
    this.assertStrongPassword(account.password, [account.email, BOOTSTRAP_ADMIN_NAME]);
    const passwordHash = await hashPassword(account.password);
    try {
      return await this.tx.run(async () => {
        await this.users.lockAdminRoster();
        if ((await this.users.countActiveAdmins()) > 0) return 'admin_exists';
        await this.users.insert({
          email: account.email.trim().toLowerCase(),
          fullName: BOOTSTRAP_ADMIN_NAME,
          role: 'admin',
          passwordHash,
          active: true,
          ...NO_FAILED_LOGINS,
          version: 1,
        });
        return 'created';
      });
    } catch (error) {
      if (error instanceof UserEmailTakenError) return 'email_taken';
      throw error;
    }
  }

  /**
   * An email with no active account goes the same way as one with an account: its wrong passwords
   * are counted (by email) and lock it for as long, so neither answer nor timing tells it apart.
   */
  private async verifyCredentialsOfNobody(email: string, password: string): Promise<CredentialCheck> {
    const key = email.trim().toLowerCase();
    const lockedUntil = lockEndsAt((await this.failures.find(key)) ?? NO_FAILED_LOGINS, this.clock.now());
    if (lockedUntil) return { outcome: 'locked', lockedUntil };
    await verifyPasswordOfNobody(password);
    const lockedNow = await this.tx.run(async () => {
      const now = this.clock.now();
      const attempts = afterFailedLogin(await this.failures.findForUpdate(key, now), now, this.lockout);
      await this.failures.save(key, attempts);
      return lockEndsAt(attempts, now);
    });
    return lockedNow ? { outcome: 'locked', lockedUntil: lockedNow } : { outcome: 'invalid' };
  }

  /** Nightly: counts of emails without an account, once forgotten (a day after their last failure), go. */
  @HandlesJob('users.purge-sign-in-failures')
  purgeSignInFailures(): Promise<number> {
    return this.failures.deleteStale(new Date(this.clock.now().getTime() - FORGET_FAILURES_AFTER_MS));
  }

  /** Counts a wrong password under a row lock, so concurrent guesses cannot undercount; returns a new lock's end. */
  private recordFailedLogin(id: string): Promise<Date | null> {
    return this.tx.run(async () => {
      const user = await this.users.findByIdForUpdate(id);
      if (!user) return null;
      const now = this.clock.now();
      const attempts = afterFailedLogin(user, now, this.lockout);
      await this.users.saveSignInState(id, attempts);
      return lockEndsAt(attempts, now);
    });
  }

  /** Refuses (400 on `password`) a password zxcvbn finds too easy to guess, given whose it is. */
  private assertStrongPassword(password: string, personal: string[]): void {
    const verdict = judgePassword(password, personal, this.minPasswordStrength);
    if (!verdict.acceptable) throw new WeakPasswordError(verdict.reason);
  }

  private async assertUnitsExist(ids: string[]): Promise<void> {
    const missing = await this.units.findMissing(ids);
    if (missing.length) throw new UnknownAdministrativeUnitsError(missing);
  }
}

function isActiveAdmin(user: Pick<User, 'active' | 'role'>): boolean {
  return user.active && user.role === 'admin';
}

import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../config/app-config.js';
import { WeakPasswordError } from './users.errors.js';
import { UsersService } from './users.service.js';

/**
 * A fresh installation has no account able to create accounts: ADMIN_EMAIL/ADMIN_PASSWORD provide
 * the first one. Runs when the app starts listening, i.e. after migrations. A password too easy to
 * guess stops the start-up rather than create an admin anyone could sign in as.
 */
@Injectable()
export class AdminBootstrap implements OnApplicationBootstrap {
  private readonly logger = new Logger(AdminBootstrap.name);

  constructor(
    private readonly users: UsersService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const account = this.config.bootstrapAdmin;
    if (!account) return;
    const outcome = await this.users.ensureAdmin(account).catch((error: unknown) => {
      if (!(error instanceof WeakPasswordError)) throw error;
      throw new Error(
        `ADMIN_PASSWORD is too weak for the first admin account (${account.email}): ${error.reason} ` +
          'Set a stronger ADMIN_PASSWORD (a passphrase of several uncommon words works well) and start again.',
      );
    });
    switch (outcome) {
      case 'created':
        this.logger.log(`Created the first admin account, ${account.email}`);
        break;
      case 'email_taken':
        this.logger.warn(`No active admin exists, and ${account.email} belongs to an account that is not one`);
        break;
      case 'admin_exists':
        break;
    }
  }
}

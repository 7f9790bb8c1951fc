import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import { lookup, type LookupAddress, type LookupOptions } from 'node:dns';
import { isIP, type LookupFunction } from 'node:net';
import { Agent, buildConnector, type Dispatcher } from 'undici';
import { APP_CONFIG, type AppConfig } from '../../config/app-config.js';
import { hostOfUrl, isLocalHostname, targetRefusal } from './domain/webhook-targets.js';
import { WebhookTargetNotAllowedError, WebhookTargetRefusedError } from './webhooks.errors.js';

/** Every address of a name (A and AAAA), as the system resolver (hosts file included) answers. */
function resolveAll(hostname: string, options: LookupOptions = {}): Promise<LookupAddress[]> {
  return new Promise((resolve, reject) =>
    lookup(hostname, { ...options, all: true }, (error, addresses) => (error ? reject(error) : resolve(addresses))),
  );
}

/**
 * The `lookup` of delivery sockets: resolves the name, and refuses the connection when any answer
 * is not a public address. The socket connects to the very addresses checked, so a DNS answer that
 * changed since the URL was accepted (rebinding) cannot slip through.
 */
const guardedLookup: LookupFunction = (hostname, options, callback) => {
  resolveAll(hostname, { family: options.family, hints: options.hints }).then(
    (addresses) => {
      const answers = addresses.map(({ address }) => address);
      const refusal = targetRefusal(hostname, answers);
      if (refusal !== null) return callback(new WebhookTargetRefusedError(refusal), '');
      if (options.all) return callback(null, addresses);
      callback(null, addresses[0].address, addresses[0].family);
    },
    (error: NodeJS.ErrnoException) => callback(error, ''),
  );
};

/**
 * Keeps webhooks from reaching inside the network (SSRF), unless WEBHOOK_ALLOW_PRIVATE_TARGETS lets
 * them post to on-premise receivers: a subscription URL is checked when it is set, and again by
 * every connection a delivery opens.
 */
@Injectable()
export class WebhookTargetGuard implements OnModuleDestroy {
  private readonly allowPrivateTargets: boolean;
  /** Deliveries' connections; undefined when private targets are allowed (fetch's default agent). */
  readonly dispatcher: Dispatcher | undefined;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.allowPrivateTargets = config.webhooks.allowPrivateTargets;
    this.dispatcher = this.allowPrivateTargets ? undefined : new Agent({ connect: guardedConnector() });
  }

  /** Refuses (400 on `url`) a URL whose host is, resolves to, or does not resolve to, a public address. */
  async assertAllowed(url: string): Promise<void> {
    if (this.allowPrivateTargets) return;
    const host = hostOfUrl(url);
    let addresses: string[] = [];
    if (isIP(host) || isLocalHostname(host)) addresses = [host];
    else {
      try {
        addresses = (await resolveAll(host)).map(({ address }) => address);
      } catch {
        throw new WebhookTargetNotAllowedError(`${host} does not resolve`);
      }
    }
    const refusal = targetRefusal(host, addresses);
    if (refusal !== null) throw new WebhookTargetNotAllowedError(refusal);
  }

  async onModuleDestroy(): Promise<void> {
    await this.dispatcher?.close();
  }
}

/**
 * undici's connector with the guarded lookup. Node never looks up an IP literal, so the connector
 * checks those itself before connecting.
 */
function guardedConnector(): buildConnector.connector {
  const connect = buildConnector({ lookup: guardedLookup });
  return (options, callback) => {
    const refusal = isIP(options.hostname) ? targetRefusal(options.hostname, [options.hostname]) : null;
    if (refusal !== null) return callback(new WebhookTargetRefusedError(refusal), null);
    connect(options, callback);
  };
}

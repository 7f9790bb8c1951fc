declare module '../../events/domain-events.js' {
  interface DomainEvents {
    /** An account lost its sessions: deactivated, or its password was reset by an administrator. */
    'user.access-revoked': { userId: string; reason: 'deactivated' | 'password-reset' };
  }
}

export {};

export const ROLES = ['admin', 'chair', 'officer', 'supervisor'] as const;
export type Role = (typeof ROLES)[number];

export const API_KEY_ACCESS = ['read', 'write'] as const;
export type ApiKeyAccess = (typeof API_KEY_ACCESS)[number];

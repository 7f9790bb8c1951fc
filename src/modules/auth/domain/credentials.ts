/** API keys carry this prefix, so one `Authorization: Bearer` header can hold either kind of credential. */
export const API_KEY_PREFIX = 'gpmb_';

export type Credentials =
  { kind: 'none' } | { kind: 'api_key'; key: string } | { kind: 'access_token'; token: string } | { kind: 'malformed' };

export type RequestHeaders = Record<string, string | string[] | undefined>;

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? (value.length === 1 ? value[0] : '') : value;
}

/** Which credential a request presents. `X-API-Key` wins over `Authorization` when both are sent. */
export function credentialsFrom(headers: RequestHeaders): Credentials {
  const apiKey = single(headers['x-api-key']);
  if (apiKey !== undefined) return { kind: 'api_key', key: apiKey.trim() };
  const authorization = single(headers['authorization'])?.trim();
  if (!authorization) return { kind: 'none' };
  const match = /^Bearer +(\S+)$/i.exec(authorization);
  if (!match) return { kind: 'malformed' };
  const token = match[1];
  return token.startsWith(API_KEY_PREFIX) ? { kind: 'api_key', key: token } : { kind: 'access_token', token };
}

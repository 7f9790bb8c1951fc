import type { BenchAccount } from './seed/seed.js';

/** Signs in through the product's own endpoint, as a phone would, and returns the access token. */
export async function signIn(baseUrl: string, account: BenchAccount): Promise<string> {
  const response = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: account.email, password: account.password }),
  });
  const body = (await response.json()) as { accessToken?: string };
  if (!response.ok || !body.accessToken) {
    throw new Error(`Signing in as ${account.email} failed: ${response.status} ${JSON.stringify(body)}`);
  }
  return body.accessToken;
}

import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import { createTestApp, type TestApp } from '../utils/create-test-app.js';

/**
 * The web app's typed client is generated from web/openapi.json (npm run generate in web/). This
 * keeps that copy equal to the document the API serves, so the client is always built against the
 * real contract: after changing the API, run `UPDATE_OPENAPI_SNAPSHOT=1 npx jest test/e2e/web-contract`.
 */
const SNAPSHOT = join(import.meta.dirname, '../../web/openapi.json');

describe('the web app’s copy of the OpenAPI document', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });

  afterAll(async () => {
    await t.close();
  });

  it('should be the document the API serves', async () => {
    const served = (await request(t.http).get('/docs-json').expect(200)).body as unknown;
    const text = `${JSON.stringify(served, null, 2)}\n`;
    if (process.env.UPDATE_OPENAPI_SNAPSHOT === '1') writeFileSync(SNAPSHOT, text);
    expect(JSON.parse(readFileSync(SNAPSHOT, 'utf8'))).toEqual(served);
  });
});

import { S3Storage } from '../../src/modules/evidence/storage/s3.storage.js';
import { pdfDocument, sha256Of } from '../factories/evidence-files.js';
import { makeHousehold, makeProject, makeUnit } from '../factories/factories.js';
import { makeVisit } from '../factories/visit-factories.js';
import { binary } from '../utils/binary-body.js';
import { createTestApp, type TestApp } from '../utils/create-test-app.js';
import { S3Endpoint } from '../utils/s3-endpoint.js';

describe(S3Storage.name, () => {
  const endpoint = new S3Endpoint('gpmb-evidence', 'gpmb-test-key');
  let t: TestApp;

  beforeAll(async () => {
    const url = await endpoint.start();
    t = await createTestApp({
      config: {
        evidence: {
          maxBytes: 10 * 1024 * 1024,
          storage: {
            kind: 's3',
            bucket: 'gpmb-evidence',
            region: 'ap-southeast-1',
            endpoint: url,
            forcePathStyle: true,
            accessKeyId: 'gpmb-test-key',
            secretAccessKey: 'gpmb-test-secret',
            prefix: 'thuy-khue/',
          },
        },
      },
    });
  });

  afterAll(async () => {
    await t.close();
    await endpoint.stop();
  });

  it('should keep evidence in the bucket under its SHA-256, checked by the server, and stream it back', async () => {
    const unit = await makeUnit(t.dataSource, { name: 'Phường Thụy Khuê' });
    const project = await makeProject(t.dataSource, { unitIds: [unit.id] });
    const household = await makeHousehold(t.dataSource, project.id, { status: 'persuading' });
    const [first, second] = [await makeVisit(t.dataSource, household), await makeVisit(t.dataSource, household)];
    const bytes = pdfDocument('Bien ban S3');
    const sha = sha256Of(bytes);

    const created = await t.admin
      .post(`/api/v1/visits/${first.id}/evidence`)
      .field('kind', 'signed_minutes')
      .attach('file', bytes, { filename: 'biên bản.pdf', contentType: 'application/pdf' })
      .expect(201);
    const key = `thuy-khue/sha256/${sha.slice(0, 2)}/${sha.slice(2, 4)}/${sha}`;
    const stored = endpoint.objects.get(key);
    expect(stored && Buffer.compare(stored.body, bytes)).toBe(0);
    expect(stored).toMatchObject({
      contentType: 'application/pdf',
      checksumSha256: Buffer.from(sha, 'hex').toString('base64'),
    });

    // The same bytes for another visit: a second record, the object written once.
    await t.admin
      .post(`/api/v1/visits/${second.id}/evidence`)
      .field('kind', 'signed_minutes')
      .attach('file', bytes, { filename: 'biên bản.pdf', contentType: 'application/pdf' })
      .expect(201);
    expect(endpoint.requests.filter((r) => r.method === 'PUT' && r.key === key)).toHaveLength(1);

    const content = await t.admin
      .get(`/api/v1/evidence/${created.body.id}/content`)
      .buffer(true)
      .parse(binary)
      .expect(200);
    expect(Buffer.compare(content.body as Buffer, bytes)).toBe(0);
    expect(content.headers['content-type']).toBe('application/pdf');
  });
});

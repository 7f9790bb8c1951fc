import { GetObjectCommand, HeadObjectCommand, NotFound, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { Readable } from 'node:stream';
import type { S3Settings } from '../../../config/app-config.js';
import { EvidenceStorage, type StoredContent } from './evidence-storage.js';

/** Evidence in S3-compatible object storage. Objects are written once, with their SHA-256 for the server to check. */
export class S3Storage extends EvidenceStorage {
  private readonly client: S3Client;

  constructor(private readonly settings: S3Settings) {
    super();
    this.client = new S3Client({
      region: settings.region,
      endpoint: settings.endpoint,
      forcePathStyle: settings.forcePathStyle,
      // The SHA-256 is sent as a header; no streamed trailer checksums, which not every S3-compatible server reads.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
      ...(settings.accessKeyId && settings.secretAccessKey
        ? { credentials: { accessKeyId: settings.accessKeyId, secretAccessKey: settings.secretAccessKey } }
        : {}),
    });
  }

  async put(key: string, body: () => Readable, content: StoredContent): Promise<void> {
    if (await this.has(key)) return;
    await this.client.send(
      new PutObjectCommand({
        Bucket: this.settings.bucket,
        Key: this.keyOf(key),
        Body: body(),
        ContentLength: content.size,
        ContentType: content.contentType,
        ChecksumSHA256: Buffer.from(content.sha256, 'hex').toString('base64'),
      }),
    );
  }

  async open(key: string): Promise<Readable> {
    const object = await this.client.send(new GetObjectCommand({ Bucket: this.settings.bucket, Key: this.keyOf(key) }));
    if (!(object.Body instanceof Readable)) throw new Error(`No content for evidence ${key}`);
    return object.Body;
  }

  async has(key: string): Promise<boolean> {
    try {
      await this.client.send(new HeadObjectCommand({ Bucket: this.settings.bucket, Key: this.keyOf(key) }));
      return true;
    } catch (error) {
      if (
        error instanceof NotFound ||
        (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode === 404
      ) {
        return false;
      }
      throw error;
    }
  }

  close(): void {
    this.client.destroy();
  }

  private keyOf(key: string): string {
    return `${this.settings.prefix}${key}`;
  }
}

import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface StoredObject {
  body: Buffer;
  contentType: string | undefined;
  /** The base64 SHA-256 the client declared, already checked against the body. */
  checksumSha256: string | undefined;
}

/**
 * A small S3-compatible endpoint for tests (path-style PUT, HEAD and GET of objects), so the S3
 * storage is exercised through the real AWS SDK over HTTP: signed requests (it refuses unsigned ones
 * or another access key), and the SHA-256 checksum the client sends is verified as S3 does.
 */
export class S3Endpoint {
  readonly objects = new Map<string, StoredObject>();
  readonly requests: Array<{ method: string; key: string }> = [];
  private server: Server | undefined;

  constructor(
    private readonly bucket: string,
    private readonly accessKeyId: string,
  ) {}

  async start(): Promise<string> {
    this.server = createServer((req, res) => {
      void this.handle(req).then(({ status, headers = {}, body }) => {
        res.writeHead(status, headers);
        res.end(body);
      });
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  private async handle(
    req: IncomingMessage,
  ): Promise<{ status: number; headers?: Record<string, string>; body?: Buffer | string }> {
    const body = await new Promise<Buffer>((resolve) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => resolve(Buffer.concat(chunks)));
    });
    const auth = req.headers.authorization ?? '';
    if (!auth.startsWith(`AWS4-HMAC-SHA256 Credential=${this.accessKeyId}/`)) return error(403, 'AccessDenied');
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://s3').pathname);
    const prefix = `/${this.bucket}/`;
    if (!path.startsWith(prefix)) return error(404, 'NoSuchBucket');
    const key = path.slice(prefix.length);
    this.requests.push({ method: req.method ?? '', key });
    const found = this.objects.get(key);
    switch (req.method) {
      case 'PUT': {
        const declared = req.headers['x-amz-checksum-sha256'] as string | undefined;
        if (declared && declared !== createHash('sha256').update(body).digest('base64')) {
          return error(400, 'BadDigest');
        }
        this.objects.set(key, { body, contentType: req.headers['content-type'], checksumSha256: declared });
        return { status: 200, headers: { etag: `"${createHash('md5').update(body).digest('hex')}"` } };
      }
      case 'HEAD':
        return found ? { status: 200, headers: { 'content-length': String(found.body.length) } } : { status: 404 };
      case 'GET':
        return found
          ? {
              status: 200,
              headers: { 'content-type': found.contentType ?? 'application/octet-stream' },
              body: found.body,
            }
          : error(404, 'NoSuchKey');
      default:
        return error(405, 'MethodNotAllowed');
    }
  }
}

function error(status: number, code: string) {
  return {
    status,
    headers: { 'content-type': 'application/xml' },
    body: `<?xml version="1.0" encoding="UTF-8"?><Error><Code>${code}</Code><Message>${code}</Message></Error>`,
  };
}

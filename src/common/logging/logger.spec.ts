import { Writable } from 'node:stream';
import pino from 'pino';
import { PinoNestLogger } from './logger.js';

function capture() {
  const lines: Array<Record<string, unknown>> = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
      done();
    },
  });
  return { lines, logger: new PinoNestLogger(pino({ level: 'trace' }, stream)) };
}

describe(PinoNestLogger.name, () => {
  it('should log a message with the context Nest passes last', () => {
    const { lines, logger } = capture();
    logger.log('Job schedulers registered', 'JobSchedules');
    expect(lines[0]).toMatchObject({ level: 30, msg: 'Job schedulers registered', context: 'JobSchedules' });
  });

  it('should log an object message as fields, with the text that follows it', () => {
    const { lines, logger } = capture();
    logger.error({ requestId: 'r-1', err: new Error('boom') }, 'Unhandled error', 'HttpErrorFilter');
    expect(lines[0]).toMatchObject({
      level: 50,
      msg: 'Unhandled error',
      requestId: 'r-1',
      context: 'HttpErrorFilter',
      err: expect.objectContaining({ message: 'boom' }),
    });
  });

  it('should keep the stack Nest passes with an error message', () => {
    const { lines, logger } = capture();
    logger.error('Nest could not start', 'Error: x\n    at y', 'NestFactory');
    expect(lines[0]).toMatchObject({ msg: 'Nest could not start', stack: 'Error: x\n    at y' });
  });
});

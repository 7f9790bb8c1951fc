import { Injectable } from '@nestjs/common';
import { TransactionHost } from '../database/transaction-host.js';

@Injectable()
export class EventReceiptsRepository {
  constructor(private readonly tx: TransactionHost) {}

  /**
   * Records that `handler` handles `eventId`, in the ambient transaction; false when it already
   * did. A concurrent second delivery waits on the first one's row and then sees it.
   */
  async claim(handler: string, eventId: string, now: Date): Promise<boolean> {
    const rows: unknown[] = await this.tx.manager.query(
      `INSERT INTO event_receipts (handler, event_id, handled_at) VALUES ($1, $2, $3)
       ON CONFLICT DO NOTHING RETURNING handler`,
      [handler, eventId, now],
    );
    return rows.length > 0;
  }

  /** Forgets receipts handled before `before`; returns how many. */
  async deleteHandledBefore(before: Date): Promise<number> {
    const [, count]: [unknown[], number] = await this.tx.manager.query(
      `DELETE FROM event_receipts WHERE handled_at < $1`,
      [before],
    );
    return count;
  }
}

// Notifications for staff: to one user, or to everyone with a role.
import type { Queryable } from '../client.ts';

export interface NewNotification {
  complaintId: number | null;
  role: string | null;
  userId: string | null;
  kind: string;
  /** The sentence in English (logs, old clients); `data` lets a reader's language say it. */
  message: string;
  data?: Readonly<Record<string, string>> | null;
}

const COLUMNS = 6;
const ROWS_PER_INSERT = 1000;

export async function insertNotifications(
  tx: Queryable,
  notes: readonly NewNotification[],
): Promise<void> {
  for (let i = 0; i < notes.length; i += ROWS_PER_INSERT) {
    const chunk = notes.slice(i, i + ROWS_PER_INSERT);
    const tuples = chunk.map(
      (_, r) =>
        `(${Array.from({ length: COLUMNS }, (_, c) => `$${r * COLUMNS + c + 1}`).join(', ')})`,
    );
    await tx.query(
      `insert into notifications (complaint_id, role, user_id, kind, message, data) values ${tuples.join(', ')}`,
      chunk.flatMap((n) => [
        n.complaintId,
        n.role,
        n.userId,
        n.kind,
        n.message,
        n.data ? JSON.stringify(n.data) : null,
      ]),
    );
  }
}

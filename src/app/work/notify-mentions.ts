// An internal note that names a colleague (`@alex`, the local part of their email) notifies
// them, inside the transaction that stores the note.
import type { Queryable } from '../../db/client.ts';
import { insertNotifications } from '../../db/repositories/notifications.ts';
import { activeUsersByHandles } from '../../db/repositories/users.ts';

/** The handles a text mentions: `@` at a word's start, then letters, digits, `.`, `_`, `-`. */
export function mentionedHandles(text: string): string[] {
  const found = new Set<string>();
  for (const m of text.matchAll(/(?:^|[^\p{L}\p{N}_.@-])@([\p{L}\p{N}_][\p{L}\p{N}_.-]*)/gu)) {
    found.add(m[1]!.replace(/[.-]+$/, '').toLowerCase());
  }
  return [...found];
}

export async function notifyMentions(
  tx: Queryable,
  note: {
    complaintId: number;
    reference: string;
    text: string;
    author: { id: string; name?: string | null };
  },
): Promise<void> {
  const users = await activeUsersByHandles(tx, mentionedHandles(note.text));
  const excerpt = note.text.length > 200 ? `${note.text.slice(0, 199)}…` : note.text;
  await insertNotifications(
    tx,
    users
      .filter((u) => u.id !== note.author.id)
      .map((u) => ({
        complaintId: note.complaintId,
        role: null,
        userId: u.id,
        kind: 'mention',
        message: `${note.author.name ?? 'A colleague'} mentioned you on ${note.reference}: ${excerpt}`,
        data: { ...(note.author.name ? { author: note.author.name } : {}), excerpt },
      })),
  );
}

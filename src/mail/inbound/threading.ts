// Which complaint a mail claims to answer. A reply names a message of the complaint (In-Reply-To,
// then References, newest first), or quotes the complaint's reference in its subject. Both are
// easy to copy or guess: whether the mail joins the complaint is decided afterwards, by whether
// it is authenticated as coming from the complaint's customer (src/domain/mail).
import type { Queryable } from '../../db/client.ts';
import {
  complaintsOfMessageIds,
  complaintsWithCustomerEmail,
} from '../../db/repositories/messages.ts';
import { messageIdsIn } from './headers.ts';

export const REFERENCE_PATTERN = /\bRD-\d{4}-\d{6}\b/gi;

export interface ThreadClues {
  /** Message-IDs the mail answers, most telling first (In-Reply-To, then References newest first). */
  messageIds: string[];
  /** Complaint references quoted in the subject, in order. */
  subjectReferences: string[];
  /** The sender's address, lower-cased. */
  from: string | null;
}

export function referencesInSubject(subject: string | undefined): string[] {
  const refs: string[] = [];
  for (const m of (subject ?? '').matchAll(REFERENCE_PATTERN)) {
    const ref = m[0].toUpperCase();
    if (!refs.includes(ref)) refs.push(ref);
  }
  return refs;
}

export function threadClues(mail: {
  subject?: string | undefined;
  inReplyTo?: string | undefined;
  references?: string | string[] | undefined;
  from?: string | null | undefined;
}): ThreadClues {
  const ids = messageIdsIn(mail.inReplyTo);
  for (const id of messageIdsIn(mail.references).reverse()) if (!ids.includes(id)) ids.push(id);
  return {
    messageIds: ids.slice(0, 100),
    subjectReferences: referencesInSubject(mail.subject).slice(0, 10),
    from: mail.from?.toLowerCase() ?? null,
  };
}

export interface Thread {
  complaintId: number;
  reference: string;
  by: 'message-id' | 'subject';
  /** The complaint's customer's address (null when they gave none, or it was erased). */
  customerEmail: string | null;
}

/** Message-IDs as other parts of Redress may have stored them: with and without brackets. */
function idVariants(ids: string[]): string[] {
  return ids.flatMap((id) => [id, id.replace(/^<|>$/g, '')]);
}

export async function findThread(q: Queryable, clues: ThreadClues): Promise<Thread | null> {
  if (clues.messageIds.length > 0) {
    const found = await complaintsOfMessageIds(q, idVariants(clues.messageIds));
    for (const id of clues.messageIds) {
      const hit = found.find((m) => m.messageId.replace(/^<?/, '<').replace(/>?$/, '>') === id);
      if (hit) {
        return {
          complaintId: hit.complaintId,
          reference: hit.reference,
          by: 'message-id',
          customerEmail: hit.email,
        };
      }
    }
  }
  if (clues.subjectReferences.length > 0) {
    const found = await complaintsWithCustomerEmail(q, clues.subjectReferences);
    // The customer's own complaint first, when the subject quotes several.
    const mine = found.find((c) => c.email && c.email.toLowerCase() === clues.from);
    const hit =
      mine ??
      clues.subjectReferences.map((ref) => found.find((c) => c.reference === ref)).find(Boolean);
    if (hit) {
      return {
        complaintId: hit.complaintId,
        reference: hit.reference,
        by: 'subject',
        customerEmail: hit.email,
      };
    }
  }
  return null;
}

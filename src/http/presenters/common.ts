// Small pieces the response schemas share.
import { z } from 'zod';

/** An instant as ISO-8601 UTC (`2026-03-13T17:00:00.000Z`). */
export const instant = () => z.string().meta({ format: 'date-time' });

export const iso = (d: Date): string => d.toISOString();
export const isoOrNull = (d: Date | null | undefined): string | null => d?.toISOString() ?? null;

/** The answer of a change that returns nothing else. */
export const doneSchema = z.object({ ok: z.boolean() }).meta({ id: 'Done' });

/** A binary body, documented by its content type (never serialised: a Buffer is sent as is). */
export function binaryResponse(contentType: string, description: string) {
  return {
    description,
    content: { [contentType]: { schema: z.string().meta({ format: 'binary' }) } },
  };
}

/** A Buffer for a binary response: fastify sends it as it is (the schema only documents it). */
export const binaryBody = (bytes: Buffer): string => bytes as unknown as string;

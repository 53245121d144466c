// Attachments: staff upload and download files on a complaint; the customer, through the
// tracking link, uploads files (which are public on it) and downloads the public ones.
// Uploads are multipart/form-data with one file and an optional `public` field.
import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { addAttachment, type Upload } from '../../../app/attachments/add-attachment.ts';
import {
  getAttachment,
  getTrackedAttachment,
  type AttachmentContent,
} from '../../../app/attachments/get-attachment.ts';
import { contentDisposition } from '../../../app/attachments/sanitise-filename.ts';
import { findTracked } from '../../../app/complaints/get-complaint.ts';
import { AppError, type ErrorCode } from '../../../app/errors.ts';
import { VISITOR } from '../../../domain/complaint/snapshot.ts';
import { actorOf } from '../../plugins/auth.ts';
import { newAttachmentSchema } from '../../presenters/attachment.ts';
import { binaryBody, binaryResponse } from '../../presenters/common.ts';
import type { RouteContext } from '../../../composition.ts';
import { referenceParam } from '../complaints/routes.ts';

const TRACKING_HEADER = 'x-tracking-token';

const attachmentParams = referenceParam.extend({
  id: z
    .string()
    .regex(/^[1-9][0-9]{0,14}$/, 'expected an attachment id (a positive whole number)')
    .transform(Number),
});
const trackingQuery = z.strictObject({ token: z.string().min(1).max(200).optional() });

/** What an upload may be refused with, beyond the complaint or link not being found. */
const UPLOAD_ERRORS: ErrorCode[] = [
  'INPUT.TOO_LARGE',
  'INPUT.UNSUPPORTED_MEDIA_TYPE',
  'INPUT.MALFORMED',
  'ATTACHMENT.EMPTY',
  'ATTACHMENT.NO_FILE',
  'ATTACHMENT.ONE_FILE',
  'ATTACHMENT.TYPE_NOT_ALLOWED',
];
const FILE = binaryResponse(
  'application/octet-stream',
  'the file, sent as a download with its detected Content-Type',
);

/** Room for the form's boundaries, part headers and the `public` field. */
const FORM_OVERHEAD = 64 * 1024;

const MULTIPART_ERRORS: Record<string, (() => AppError) | undefined> = {
  FST_FILES_LIMIT: () => new AppError('ATTACHMENT.ONE_FILE', 'send one file per request'),
  FST_PARTS_LIMIT: () => new AppError('INPUT.MALFORMED', 'too many parts in the form'),
  FST_FIELDS_LIMIT: () => new AppError('INPUT.MALFORMED', 'too many fields in the form'),
  FST_INVALID_MULTIPART_CONTENT_TYPE: () =>
    new AppError('INPUT.UNSUPPORTED_MEDIA_TYPE', 'send the file as multipart/form-data'),
};

/** Reads the one file (and the `public` field, in any order) of a multipart request. */
async function readUpload(
  request: FastifyRequest,
  maxBytes: number,
): Promise<Omit<Upload, 'public'> & { public: boolean | undefined }> {
  const tooLarge = () =>
    new AppError(
      'INPUT.TOO_LARGE',
      `the file is larger than the limit of ${formatBytes(maxBytes)}`,
      { maxBytes },
    );
  // A declared length far past the limit is refused before a byte is read.
  if (Number(request.headers['content-length']) > maxBytes + FORM_OVERHEAD) throw tooLarge();
  let file: { filename: string | undefined; bytes: Buffer } | null = null;
  let isPublic: boolean | undefined;
  try {
    const parts = request.parts({
      limits: { fileSize: maxBytes, files: 1, fields: 4, parts: 5, fieldSize: 100 },
    });
    for await (const part of parts) {
      if (part.type === 'file') {
        file = { filename: part.filename, bytes: await part.toBuffer() };
      } else if (part.fieldname === 'public') {
        const v = String(part.value).trim().toLowerCase();
        if (v !== 'true' && v !== 'false')
          throw new AppError('INPUT.INVALID', 'the field "public" must be true or false');
        isPublic = v === 'true';
      }
    }
  } catch (err) {
    if (err instanceof AppError) throw err;
    const code = (err as { code?: string }).code ?? '';
    if (code === 'FST_REQ_FILE_TOO_LARGE') throw tooLarge();
    const known = MULTIPART_ERRORS[code];
    if (known) throw known();
    // Nothing but the form's parser runs in the loop above (the parts are only buffered), and
    // its errors carry no code of their own: whatever it raised, the body could not be read.
    request.log.warn({ err }, 'a multipart body could not be read');
    throw new AppError('INPUT.MALFORMED', 'the multipart body could not be read');
  }
  if (!file) throw new AppError('ATTACHMENT.NO_FILE', 'the form has no file part');
  return { ...file, public: isPublic };
}

const formatBytes = (n: number) =>
  n >= 1024 * 1024 ? `${+(n / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(n / 1024)} KB`;

function sendFile(reply: FastifyReply, a: AttachmentContent) {
  return reply
    .header('content-type', a.contentType)
    .header('content-disposition', contentDisposition(a.filename))
    .header('x-content-type-options', 'nosniff')
    .header('content-security-policy', "default-src 'none'; sandbox")
    .header('cache-control', 'private, no-store')
    .header('etag', `"${a.sha256}"`)
    .send(binaryBody(a.bytes));
}

export async function attachmentRoutes(base: FastifyInstance, ctx: RouteContext): Promise<void> {
  await base.register(multipart, { limits: { fileSize: ctx.config.maxUploadBytes, files: 1 } });
  const app = base.withTypeProvider<ZodTypeProvider>();
  const token = (request: { headers: Record<string, unknown>; query: { token?: string } }) =>
    (request.headers[TRACKING_HEADER] as string | undefined) ?? request.query.token ?? '';

  app.post(
    '/complaints/:reference/attachments',
    {
      config: {
        permission: 'complaint.attach',
        errors: ['COMPLAINT.NOT_FOUND', 'COMPLAINT.SUBJECT_CANNOT_INVESTIGATE', ...UPLOAD_ERRORS],
      },
      schema: {
        tags: ['attachments'],
        summary: `Attach a file (multipart/form-data: one file, optional field public=true|false, default false; at most ${formatBytes(ctx.config.maxUploadBytes)})`,
        consumes: ['multipart/form-data'],
        params: referenceParam,
        response: { 201: newAttachmentSchema },
      },
    },
    async (request, reply) => {
      const upload = await readUpload(request, ctx.config.maxUploadBytes);
      const added = await addAttachment(ctx, actorOf(request), {
        reference: request.params.reference,
        ...upload,
        public: upload.public ?? false,
      });
      return reply.code(201).send(added);
    },
  );

  app.get(
    '/complaints/:reference/attachments/:id',
    {
      config: {
        permission: 'complaint.read',
        errors: ['COMPLAINT.NOT_FOUND', 'ATTACHMENT.NOT_FOUND'],
      },
      schema: {
        tags: ['attachments'],
        summary: 'Download an attachment (always as a download, with its detected type)',
        params: attachmentParams,
        response: { 200: FILE },
      },
    },
    async (request, reply) =>
      sendFile(
        reply,
        await getAttachment(ctx, actorOf(request), {
          reference: request.params.reference,
          id: request.params.id,
        }),
      ),
  );

  app.post(
    '/public/complaints/:reference/attachments',
    {
      config: {
        permission: 'tracking.attach',
        rateLimit: { max: 20, timeWindow: '1 minute' },
        errors: ['TRACKING.NOT_FOUND', ...UPLOAD_ERRORS],
      },
      schema: {
        tags: ['public'],
        summary: `The customer attaches a file to their complaint (multipart/form-data, one file, at most ${formatBytes(ctx.config.maxUploadBytes)}); it is visible on the tracking link`,
        consumes: ['multipart/form-data'],
        params: referenceParam,
        querystring: trackingQuery,
        response: { 201: newAttachmentSchema },
      },
    },
    async (request, reply) => {
      // The link is checked before the body is read: a wrong token costs no upload.
      const row = await findTracked(ctx.db, request.params.reference, token(request));
      const upload = await readUpload(request, ctx.config.maxUploadBytes);
      const customer = { id: `customer:${row.customer_id}`, role: 'customer' as const };
      const added = await addAttachment(ctx, customer, {
        reference: row.reference,
        ...upload,
        public: true,
      });
      return reply.code(201).send(added);
    },
  );

  app.get(
    '/public/complaints/:reference/attachments/:id',
    {
      config: {
        permission: 'tracking.read',
        rateLimit: { max: 60, timeWindow: '1 minute' },
        errors: ['TRACKING.NOT_FOUND', 'ATTACHMENT.NOT_FOUND'],
      },
      schema: {
        tags: ['public'],
        summary: `The customer downloads a public attachment of their complaint (token in ?token= or the ${TRACKING_HEADER} header)`,
        params: attachmentParams,
        querystring: trackingQuery,
        response: { 200: FILE },
      },
    },
    async (request, reply) =>
      sendFile(
        reply,
        await getTrackedAttachment(ctx, VISITOR, {
          reference: request.params.reference,
          token: token(request),
          id: request.params.id,
        }),
      ),
  );
}

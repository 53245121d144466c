// Shapes the OpenAPI document does not declare yet (the `contract` branch adds response schemas
// to every operation). Each is marked REPLACE: once `npm run openapi` gives the generated type,
// use `components['schemas'][…]` from ./schema and delete the hand-written one here.
import type { paths } from './schema.js';

type JsonOf<T> = T extends { content: { 'application/json': infer B } } ? B : never;

/** Generated: POST /public/complaints 201. */
export type ComplaintReceipt = JsonOf<paths['/api/v1/public/complaints']['post']['responses'][201]>;
/** Generated: the body of POST /public/complaints. */
export type NewPublicComplaint = NonNullable<
  paths['/api/v1/public/complaints']['post']['requestBody']
>['content']['application/json'];
/** Generated: GET /auth/session 200. */
export type Session = JsonOf<paths['/api/v1/auth/session']['get']['responses'][200]>;
export type SessionUser = Session['user'];
export type Role = SessionUser['role'];
/** Generated: GET /policies/{id}/procedure?format=json. */
export type Procedure = JsonOf<paths['/api/v1/policies/{id}/procedure']['get']['responses'][200]>;

export interface PublicMessage {
  id: number;
  direction: string;
  channel: string;
  authorName: string | null;
  subject: string | null;
  body: string;
  createdAt: string;
  sentAt: string | null;
}

export interface PublicAttachment {
  id: number;
  filename: string;
  contentType: string;
  size: number;
  createdAt: string;
}

export interface Contact {
  name: string;
  address?: string[];
  phone?: string;
  email?: string;
  website?: string;
}

/** REPLACE: GET /public/complaints/{reference} 200 (untyped in the document today). The
 *  optional fields are what the page uses when the API adds them (see the web1 report). */
export interface TrackedComplaint {
  reference: string;
  status: string;
  receivedAt: string;
  subject: string;
  description: string;
  organisation: string;
  deadlines: {
    clock: string;
    label: string;
    dueAt: string | null;
    /** we_will_by: the organisation will do it by dueAt; you_may_from: a right from dueAt. */
    kind?: 'we_will_by' | 'you_may_from';
    /** Not sent yet: met / pending / breached per clock. */
    status?: string;
  }[];
  timeline: { type: string; at: string; reason: string | null }[];
  messages: PublicMessage[];
  attachments: PublicAttachment[];
  allowedActions: string[];
  adr: { scheme: Contact } | null;
  now: string;
  /** Not sent yet: the complaint's language, its policy and the policy's time zone. */
  language?: string;
  policy?: { id: string; version: number };
  timezone?: string;
  /** Not sent yet: letters sent to the customer, each downloadable as a PDF. */
  letters?: { id: number; title: string; createdAt: string; pdfUrl: string }[];
}

/** REPLACE: the result of each POST /public/complaints/{reference}/{action}. */
export interface ActionResult {
  reference: string;
  status: string;
}

/** REPLACE: GET /tasks and GET /notifications 200 (untyped today); only what the homes count. */
export interface ItemList {
  items: unknown[];
}

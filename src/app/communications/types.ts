// What the rest of Redress needs of a communication: its content, composed from the policy's
// template in the customer's language, ready to queue (email, letter, portal) and store as sent.
import type { COMMUNICATION_KINDS } from '../../domain/policy/schema.ts';

export type CommunicationKind = (typeof COMMUNICATION_KINDS)[number];
export type Language = 'en' | 'vi';

export interface ComposedMessage {
  kind: CommunicationKind;
  language: Language;
  subject: string;
  text: string;
  html: string;
  /** What is sent with it (ids of the policy's ENCLOSURES: the scheme leaflet). */
  enclosures?: string[];
}

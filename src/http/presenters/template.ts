// Message templates per policy, kind and language, and a rendered preview.
import { z } from 'zod';
import { COMMUNICATION_KINDS, LANGUAGES } from '../../domain/policy/schema.ts';
import { instant } from './common.ts';

const kind = z.enum(COMMUNICATION_KINDS).meta({ id: 'CommunicationKind' });
const language = z.enum(LANGUAGES).meta({ id: 'Language' });
const source = z.enum(['default', 'custom']);

export const templateVersionSchema = z
  .object({
    version: z.number().int(),
    subject: z.string(),
    body: z.string(),
    createdBy: z.string().nullable(),
    createdAt: instant(),
  })
  .meta({ id: 'TemplateVersion' });

export const templateListSchema = z
  .object({
    policy: z.string(),
    languages: z.array(language),
    items: z.array(
      z.object({
        kind,
        language,
        source,
        version: z.number().int().nullable(),
        subject: z.string(),
        updatedBy: z.string().nullable(),
        updatedAt: instant().nullable(),
      }),
    ),
  })
  .meta({ id: 'TemplateList' });

export const templateSchema = z
  .object({
    policy: z.string(),
    kind,
    language,
    current: z.object({
      source,
      version: z.number().int().nullable(),
      subject: z.string(),
      body: z.string(),
    }),
    default: z.object({ subject: z.string(), body: z.string() }),
    history: z.array(templateVersionSchema),
    variables: z.array(z.object({ name: z.string(), type: z.string(), description: z.string() })),
  })
  .meta({ id: 'Template' });

export const savedTemplateSchema = templateVersionSchema
  .extend({ policy: z.string(), kind, language, source })
  .meta({ id: 'SavedTemplate' });

export const previewSchema = z
  .object({
    kind: z.string(),
    language,
    subject: z.string(),
    text: z.string(),
    html: z.string(),
    missing: z.array(z.object({ token: z.string(), what: z.string(), why: z.string().optional() })),
    template: z.object({
      source: z.enum(['default', 'custom', 'draft']),
      version: z.number().int().nullable(),
    }),
    sample: z.boolean().describe('rendered against a sample complaint'),
    reference: z.string(),
    recipient: z.object({ name: z.string(), address: z.array(z.string()) }),
  })
  .meta({ id: 'MessagePreview' });

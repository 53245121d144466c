// The policy's taxonomy: the product and cause codes complaints are classified by, versioned with
// the policy, and the legal entities a complaint can be held against. Regulator returns group
// complaints by these codes (FCA DISP 1 Annex 1R product groups and causes, an Ofcom service).
import { z } from 'zod';

const code = z
  .string()
  .regex(/^[a-z0-9][a-z0-9_.-]*$/, 'codes are lower-case letters, digits, _ . and -');

const localisedLabel = z.union([
  z.string().min(1),
  z.strictObject({ en: z.string().optional(), vi: z.string().optional() }),
]);

const productSchema = z.strictObject({
  code,
  label: localisedLabel,
  /** The return's product group (FCA: banking_credit_cards, home_finance, …). */
  group: code.optional(),
});

const causeSchema = z.strictObject({ code, label: localisedLabel });

const legalEntitySchema = z.strictObject({
  code,
  name: z.string().min(1),
  /** The regulator's reference for the firm (FCA Firm Reference Number). */
  firmReference: z.string().optional(),
});

/** Each code appears once in its list; a duplicate is reported at its own path. */
function uniqueCodes(list: readonly { code: string }[], ctx: z.RefinementCtx, key: string): void {
  const seen = new Set<string>();
  list.forEach((item, i) => {
    if (seen.has(item.code)) {
      ctx.addIssue({
        code: 'custom',
        path: [key, i, 'code'],
        message: `duplicate code ${item.code}`,
        input: item.code,
      });
    }
    seen.add(item.code);
  });
}

export const taxonomySchema = z
  .strictObject({
    /** Which edition of the lists this is (e.g. "DISP 1 Annex 1R (2016)"). */
    version: z.string().min(1),
    /** The product groups a return reports on, in the return's order. */
    productGroups: z.array(z.strictObject({ code, label: localisedLabel })).default([]),
    products: z.array(productSchema).min(1, 'a taxonomy needs at least one product'),
    causes: z.array(causeSchema).min(1, 'a taxonomy needs at least one cause'),
    /** Drivers of vulnerability (FCA FG21/1: health, life events, resilience, capability). */
    vulnerabilityDrivers: z.array(code).default([]),
    legalEntities: z.array(legalEntitySchema).default([]),
  })
  .superRefine((t, ctx) => {
    uniqueCodes(t.productGroups, ctx, 'productGroups');
    uniqueCodes(t.products, ctx, 'products');
    uniqueCodes(t.causes, ctx, 'causes');
    uniqueCodes(t.legalEntities, ctx, 'legalEntities');
    const groups = new Set(t.productGroups.map((g) => g.code));
    t.products.forEach((p, i) => {
      if (p.group !== undefined && !groups.has(p.group)) {
        ctx.addIssue({
          code: 'custom',
          path: ['products', i, 'group'],
          message: `no product group ${p.group} in productGroups`,
          input: p.group,
        });
      }
    });
  });
export type Taxonomy = z.infer<typeof taxonomySchema>;

/** What a complaint is classified as (set by the `classify` action). */
export interface Classification {
  productCode?: string | null;
  causeCode?: string | null;
  legalEntity?: string | null;
  vulnerability?: {
    identified: boolean;
    causedByFirm: boolean;
    driver?: string | null;
  } | null;
}

/** The problems with a classification under a taxonomy, one line per field (empty when valid). */
export function classificationProblems(
  taxonomy: Taxonomy | undefined,
  c: Classification,
): string[] {
  const problems: string[] = [];
  const codes = (list: readonly { code: string }[]) => list.map((x) => x.code);
  const check = (field: string, value: string | null | undefined, allowed: string[]) => {
    if (value == null) return;
    if (!taxonomy) problems.push(`${field}: the policy has no taxonomy`);
    else if (!allowed.includes(value))
      problems.push(`${field}: expected one of ${allowed.join(', ') || '(none)'}; got "${value}"`);
  };
  check('productCode', c.productCode, codes(taxonomy?.products ?? []));
  check('causeCode', c.causeCode, codes(taxonomy?.causes ?? []));
  check('legalEntity', c.legalEntity, codes(taxonomy?.legalEntities ?? []));
  check('vulnerability.driver', c.vulnerability?.driver, taxonomy?.vulnerabilityDrivers ?? []);
  if (c.vulnerability && !c.vulnerability.identified && c.vulnerability.causedByFirm) {
    problems.push('vulnerability.causedByFirm: only an identified vulnerability can be caused');
  }
  return [...new Set(problems)];
}

/** The product group of a product code (null when the product has none or is unknown). */
export function productGroupOf(taxonomy: Taxonomy | undefined, productCode: string): string | null {
  return taxonomy?.products.find((p) => p.code === productCode)?.group ?? null;
}

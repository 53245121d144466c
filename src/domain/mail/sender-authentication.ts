// Whether an inbound mail is authenticated as coming from the address in its `From` header, and
// whether it may therefore join a complaint as that complaint's customer's reply. `From` alone
// proves nothing (anyone can write it), nor does a copied In-Reply-To. What counts:
//
// - The envelope sender (SMTP MAIL FROM), when we know it: our own SMTP listener received it;
//   over IMAP the delivering host wrote it as Return-Path, believed only when that host is
//   trusted. It must be `From`'s domain (or a subdomain of one another).
// - `Authentication-Results` (RFC 8601) written by a receiving host we trust, named by its
//   authserv-id (configured per mailbox, or for all of them): DMARC passed for `From`'s domain,
//   or DKIM passed with a signing domain (header.d) aligned with it, or SPF passed for an
//   envelope sender (smtp.mailfrom) aligned with it. A DMARC failure always refuses. Results
//   claiming any other authserv-id are ignored: the sender may have written them. (The trusted
//   host must remove results that claim its own id, as RFC 8601 §5 asks; OpenDMARC, rspamd and
//   Postfix's milters do.)
// - With no trusted host configured, nothing authenticates a mail by default: an envelope is as
//   easy to forge as `From` (MAIL FROM is whatever the sender types), so a person confirms.
//   Where a relay in front of our SMTP listener has checked senders but writes no
//   Authentication-Results, `trustEnvelope` lets the envelope we received count, and only when
//   it is exactly the `From` address.
//
// Pure: headers in, a verdict out.

export interface AuthResult {
  /** The method, lower-case: dkim, spf, dmarc, arc, … */
  method: string;
  /** The result, lower-case: pass, fail, none, softfail, neutral, temperror, permerror, … */
  result: string;
  /** Properties such as `header.d`, `smtp.mailfrom`, `header.from`, lower-case names. */
  props: Record<string, string>;
}

export interface AuthResultsHeader {
  /** Lower-case. */
  authservId: string;
  results: AuthResult[];
}

/** Comments `( … )` (nested, with quoted pairs) removed; quoted strings kept as they are. */
function withoutComments(value: string): string {
  let out = '';
  let depth = 0;
  let quoted = false;
  for (let i = 0; i < value.length; i++) {
    const ch = value[i]!;
    if (ch === '\\' && (quoted || depth > 0)) {
      if (depth === 0) out += ch + (value[i + 1] ?? '');
      i++;
      continue;
    }
    if (quoted) {
      out += ch;
      if (ch === '"') quoted = false;
      continue;
    }
    if (ch === '(') {
      depth++;
      out += depth === 1 ? ' ' : '';
      continue;
    }
    if (ch === ')' && depth > 0) {
      depth--;
      continue;
    }
    if (depth > 0) continue;
    if (ch === '"') quoted = true;
    out += ch;
  }
  return out;
}

/** Splits on a separator outside quoted strings. */
function splitOutsideQuotes(value: string, separator: RegExp): string[] {
  const parts: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < value.length; i++) {
    const ch = value[i]!;
    if (ch === '\\' && quoted) {
      current += ch + (value[i + 1] ?? '');
      i++;
      continue;
    }
    if (ch === '"') quoted = !quoted;
    if (!quoted && separator.test(ch)) {
      parts.push(current);
      current = '';
      continue;
    }
    current += ch;
  }
  parts.push(current);
  return parts.map((p) => p.trim()).filter(Boolean);
}

const unquote = (v: string) =>
  v.startsWith('"') && v.endsWith('"') && v.length >= 2
    ? v.slice(1, -1).replace(/\\(.)/g, '$1')
    : v;

/** One `Authentication-Results` header value, or null when it is not one. */
export function parseAuthenticationResults(value: string): AuthResultsHeader | null {
  const [first, ...rest] = splitOutsideQuotes(withoutComments(value), /;/);
  if (!first) return null;
  // authserv-id, then an optional version number.
  const authservId = unquote(splitOutsideQuotes(first, /\s/)[0] ?? '').toLowerCase();
  if (!authservId || authservId.includes('=')) return null;
  const results: AuthResult[] = [];
  for (const part of rest) {
    const tokens = splitOutsideQuotes(part, /\s/);
    const head = /^([a-z0-9_-]+)(?:\/\d+)?\s*=\s*([a-z0-9_-]+)$/i.exec(tokens[0] ?? '');
    if (!head) continue; // `none`, or something we do not read
    const props: Record<string, string> = {};
    for (const t of tokens.slice(1)) {
      const m = /^([a-z0-9_.-]+)\s*=\s*(.*)$/i.exec(t);
      if (m && m[2] !== '') props[m[1]!.toLowerCase()] = unquote(m[2]!);
    }
    results.push({ method: head[1]!.toLowerCase(), result: head[2]!.toLowerCase(), props });
  }
  return { authservId, results };
}

/** The domain of an address (`ann@Example.COM` → `example.com`), or of a bare domain. */
export function domainOf(addressOrDomain: string | null | undefined): string | null {
  if (!addressOrDomain) return null;
  const v = addressOrDomain.trim().replace(/^<|>$/g, '').toLowerCase();
  const at = v.lastIndexOf('@');
  const domain = (at >= 0 ? v.slice(at + 1) : v).replace(/\.$/, '');
  return /^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(domain) ? domain : null;
}

/**
 * Two domains are aligned when they are the same or one is a subdomain of the other
 * (`mail.example.com` and `example.com`). Stricter than DMARC's relaxed alignment, which needs
 * the public suffix list: two sibling subdomains are not aligned here.
 */
export function aligned(a: string | null, b: string | null): boolean {
  if (!a || !b) return false;
  return a === b || a.endsWith(`.${b}`) || b.endsWith(`.${a}`);
}

export type SenderBasis = 'dmarc' | 'dkim' | 'spf' | 'envelope';

export type SenderRefusal =
  | 'no_sender'
  | 'empty_envelope'
  | 'envelope_mismatch'
  | 'no_trusted_results'
  | 'dmarc_fail'
  | 'no_aligned_pass'
  | 'unauthenticated';

export type SenderVerdict =
  | { authenticated: true; basis: SenderBasis }
  | { authenticated: false; refusal: SenderRefusal; detail: string };

export interface SenderEvidence {
  /** The `From` address. */
  from: string | null | undefined;
  /**
   * The envelope sender when it is known (our SMTP listener, or a trusted delivering host):
   * an address, or '' for the null sender `<>`. Undefined when it is not known.
   */
  envelopeFrom?: string | undefined;
  /** Every `Authentication-Results` header value, in the order of the header section. */
  authenticationResults: readonly string[];
  /** The authserv-ids of the receiving hosts we trust (empty: none). */
  trustedAuthservIds: readonly string[];
  /** With no trusted host: whether the envelope we received counts by itself (off by default). */
  trustEnvelope?: boolean;
}

const refuse = (refusal: SenderRefusal, detail: string): SenderVerdict => ({
  authenticated: false,
  refusal,
  detail,
});

/** Whether the mail is authenticated as coming from its `From` address. */
export function authenticateSender(e: SenderEvidence): SenderVerdict {
  const from = e.from?.trim().toLowerCase() ?? '';
  const fromDomain = domainOf(from);
  if (!from || !fromDomain) return refuse('no_sender', 'the mail has no usable From address');
  const envelope = e.envelopeFrom === undefined ? undefined : e.envelopeFrom.trim().toLowerCase();
  if (envelope === '') {
    return refuse('empty_envelope', 'the envelope sender is empty (as a bounce has)');
  }
  if (envelope !== undefined && !aligned(domainOf(envelope), fromDomain)) {
    return refuse('envelope_mismatch', "the envelope sender is not of the From address's domain");
  }

  const trusted = new Set(e.trustedAuthservIds.map((id) => id.trim().toLowerCase()));
  if (trusted.size === 0) {
    if (envelope === from && e.trustEnvelope) return { authenticated: true, basis: 'envelope' };
    return envelope === from
      ? refuse(
          'unauthenticated',
          'no trusted host authenticated the mail, and its envelope sender alone proves nothing',
        )
      : envelope === undefined
        ? refuse(
            'unauthenticated',
            'no trusted host authenticated the mail, and its envelope sender is not known',
          )
        : refuse('envelope_mismatch', 'the envelope sender is not the From address');
  }

  const results = e.authenticationResults
    .map(parseAuthenticationResults)
    .filter((h): h is AuthResultsHeader => h !== null && trusted.has(h.authservId))
    .flatMap((h) => h.results);
  if (results.length === 0) {
    return refuse(
      'no_trusted_results',
      'no Authentication-Results from a trusted receiving host (its authserv-id)',
    );
  }
  if (results.some((r) => r.method === 'dmarc' && r.result === 'fail')) {
    return refuse('dmarc_fail', "DMARC failed for the From address's domain");
  }
  const pass = (method: string, domainOfResult: (r: AuthResult) => string | null) =>
    results.some(
      (r) => r.method === method && r.result === 'pass' && aligned(domainOfResult(r), fromDomain),
    );
  if (pass('dmarc', (r) => domainOf(r.props['header.from']))) {
    return { authenticated: true, basis: 'dmarc' };
  }
  if (pass('dkim', (r) => domainOf(r.props['header.d'] ?? r.props['header.i']))) {
    return { authenticated: true, basis: 'dkim' };
  }
  if (pass('spf', (r) => domainOf(r.props['smtp.mailfrom']))) {
    return { authenticated: true, basis: 'spf' };
  }
  const seen = results
    .filter((r) => ['dmarc', 'dkim', 'spf'].includes(r.method))
    .map((r) => `${r.method}=${r.result}`);
  return refuse(
    'no_aligned_pass',
    `no DMARC, DKIM or SPF pass aligned with the From address's domain (${seen.join(', ') || 'no results'})`,
  );
}

export type JoinDecision =
  | { join: true; basis: SenderBasis }
  | { join: false; refusal: SenderRefusal | 'not_the_customer'; detail: string };

/**
 * Whether a mail that threads onto a complaint (by In-Reply-To, References or the reference in
 * its subject) joins it as its customer's reply: only when it is from the complaint's customer's
 * address and authenticated as such. Otherwise it starts a new complaint for a person to look at.
 */
export function mayJoinComplaint(input: {
  from: string | null | undefined;
  customerEmail: string | null | undefined;
  verdict: SenderVerdict;
}): JoinDecision {
  const from = input.from?.trim().toLowerCase();
  const customer = input.customerEmail?.trim().toLowerCase();
  if (!from || !customer || from !== customer) {
    return {
      join: false,
      refusal: 'not_the_customer',
      detail: "the mail is not from the complaint's customer's address",
    };
  }
  return input.verdict.authenticated
    ? { join: true, basis: input.verdict.basis }
    : { join: false, refusal: input.verdict.refusal, detail: input.verdict.detail };
}

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  aligned,
  authenticateSender,
  domainOf,
  mayJoinComplaint,
  parseAuthenticationResults,
  type SenderEvidence,
} from '../../src/domain/mail/sender-authentication.ts';

const MX = 'mx.redress.test';
const evidence = (e: Partial<SenderEvidence>): SenderEvidence => ({
  from: 'ann@example.com',
  authenticationResults: [],
  trustedAuthservIds: [MX],
  ...e,
});

describe('Authentication-Results (RFC 8601) parsing', () => {
  test('reads the authserv-id, each method, result and property, ignoring comments', () => {
    const h = parseAuthenticationResults(
      `${MX} 1; dkim=pass (2048-bit key; unprotected) header.d=example.com header.s=sel2026 header.b="Ab/c+d";
       spf=softfail (mx.redress.test: 203.0.113.5 is neither permitted nor denied) smtp.mailfrom=ann@example.com;
       dmarc=pass (p=REJECT sp=NONE dis=NONE) header.from=example.com; arc=none`,
    );
    assert.ok(h);
    assert.equal(h.authservId, MX);
    assert.deepEqual(
      h.results.map((r) => `${r.method}=${r.result}`),
      ['dkim=pass', 'spf=softfail', 'dmarc=pass', 'arc=none'],
    );
    assert.equal(h.results[0]!.props['header.d'], 'example.com');
    assert.equal(h.results[0]!.props['header.b'], 'Ab/c+d');
    assert.equal(h.results[1]!.props['smtp.mailfrom'], 'ann@example.com');
    assert.equal(h.results[2]!.props['header.from'], 'example.com');
  });

  test('a version after the method, upper case, quoted values, and `none`', () => {
    const h = parseAuthenticationResults('MX.Redress.Test; DKIM/1=PASS header.i="@Example.com"');
    assert.equal(h!.authservId, MX);
    assert.deepEqual(h!.results, [
      { method: 'dkim', result: 'pass', props: { 'header.i': '@Example.com' } },
    ]);
    assert.deepEqual(parseAuthenticationResults(`${MX}; none`)!.results, []);
    assert.equal(parseAuthenticationResults(''), null);
    assert.equal(parseAuthenticationResults('dkim=pass header.d=example.com'), null);
  });

  test('a semicolon or parenthesis inside a quoted string does not split a result', () => {
    const h = parseAuthenticationResults(`${MX}; dkim=pass reason="ok; (really)" header.d=x.org`);
    assert.equal(h!.results.length, 1);
    assert.equal(h!.results[0]!.props['reason'], 'ok; (really)');
    assert.equal(h!.results[0]!.props['header.d'], 'x.org');
  });
});

describe('domains and alignment', () => {
  test('domainOf reads addresses and bare domains, refuses junk', () => {
    assert.equal(domainOf('Ann@Example.COM'), 'example.com');
    assert.equal(domainOf('<ann@mail.example.com>'), 'mail.example.com');
    assert.equal(domainOf('example.com.'), 'example.com');
    assert.equal(domainOf('localhost'), null);
    assert.equal(domainOf(''), null);
  });
  test('the same domain or a subdomain is aligned; siblings and look-alikes are not', () => {
    assert.equal(aligned('example.com', 'example.com'), true);
    assert.equal(aligned('mail.example.com', 'example.com'), true);
    assert.equal(aligned('example.com', 'bounce.example.com'), true);
    assert.equal(aligned('a.example.com', 'b.example.com'), false);
    assert.equal(aligned('badexample.com', 'example.com'), false);
    assert.equal(aligned('example.com.evil.net', 'example.com'), false);
  });
});

describe('authenticateSender', () => {
  const ar = (s: string) => [`${MX}; ${s}`];

  test('DMARC pass for the From domain authenticates', () => {
    const v = authenticateSender(
      evidence({ authenticationResults: ar('dmarc=pass header.from=example.com') }),
    );
    assert.deepEqual(v, { authenticated: true, basis: 'dmarc' });
  });

  test('DKIM pass with an aligned signing domain authenticates; a foreign signer does not', () => {
    assert.deepEqual(
      authenticateSender(
        evidence({ authenticationResults: ar('dkim=pass header.d=mail.example.com') }),
      ),
      { authenticated: true, basis: 'dkim' },
    );
    const foreign = authenticateSender(
      evidence({
        authenticationResults: ar('dkim=pass header.d=evil.net; spf=pass smtp.mailfrom=x@evil.net'),
      }),
    );
    assert.equal(foreign.authenticated, false);
    assert.equal(!foreign.authenticated && foreign.refusal, 'no_aligned_pass');
  });

  test('SPF pass for an aligned envelope sender authenticates; softfail does not', () => {
    assert.deepEqual(
      authenticateSender(
        evidence({ authenticationResults: ar('spf=pass smtp.mailfrom=ann@example.com') }),
      ),
      { authenticated: true, basis: 'spf' },
    );
    const soft = authenticateSender(
      evidence({ authenticationResults: ar('spf=softfail smtp.mailfrom=ann@example.com') }),
    );
    assert.equal(soft.authenticated, false);
    assert.match(!soft.authenticated ? soft.detail : '', /spf=softfail/);
  });

  test('a DMARC failure refuses, whatever else passed', () => {
    const v = authenticateSender(
      evidence({
        authenticationResults: ar(
          'dkim=pass header.d=example.com; dmarc=fail header.from=example.com',
        ),
      }),
    );
    assert.equal(!v.authenticated && v.refusal, 'dmarc_fail');
  });

  test('results from a host we do not trust are ignored (the sender may have written them)', () => {
    const v = authenticateSender(
      evidence({
        authenticationResults: ['mx.attacker.example; dmarc=pass header.from=example.com'],
      }),
    );
    assert.equal(!v.authenticated && v.refusal, 'no_trusted_results');
    // Several trusted headers (one per milter) are read together.
    assert.deepEqual(
      authenticateSender(
        evidence({
          authenticationResults: [
            `${MX}; spf=none smtp.mailfrom=example.com`,
            'mx.attacker.example; dmarc=pass header.from=example.com',
            `${MX}; dkim=pass header.d=example.com`,
          ],
        }),
      ),
      { authenticated: true, basis: 'dkim' },
    );
  });

  test('the envelope sender must be of the From domain when it is known', () => {
    const v = authenticateSender(
      evidence({
        envelopeFrom: 'mallory@evil.net',
        authenticationResults: ar('dmarc=pass header.from=example.com'),
      }),
    );
    assert.equal(!v.authenticated && v.refusal, 'envelope_mismatch');
    assert.deepEqual(
      authenticateSender(
        evidence({
          envelopeFrom: 'bounces@mail.example.com',
          authenticationResults: ar('dkim=pass header.d=example.com'),
        }),
      ),
      { authenticated: true, basis: 'dkim' },
    );
    const bounce = authenticateSender(evidence({ envelopeFrom: '' }));
    assert.equal(!bounce.authenticated && bounce.refusal, 'empty_envelope');
  });

  test('with no trusted host nothing authenticates, unless the envelope is trusted and is exactly From', () => {
    const none = { trustedAuthservIds: [] as string[] };
    // MAIL FROM is whatever the sender types: by default an envelope equal to From proves nothing.
    const forged = authenticateSender(evidence({ ...none, envelopeFrom: 'ANN@example.com' }));
    assert.equal(!forged.authenticated && forged.refusal, 'unauthenticated');
    const trusting = { ...none, trustEnvelope: true };
    assert.deepEqual(
      authenticateSender(evidence({ ...trusting, envelopeFrom: 'ANN@example.com' })),
      { authenticated: true, basis: 'envelope' },
    );
    const other = authenticateSender(evidence({ ...trusting, envelopeFrom: 'bob@example.com' }));
    assert.equal(!other.authenticated && other.refusal, 'envelope_mismatch');
    // IMAP without a trusted host: nothing is known, so nothing is believed (not even results).
    const unknown = authenticateSender(
      evidence({ ...none, authenticationResults: ar('dmarc=pass header.from=example.com') }),
    );
    assert.equal(!unknown.authenticated && unknown.refusal, 'unauthenticated');
  });

  test('a mail without a From address is never authenticated', () => {
    const v = authenticateSender(evidence({ from: '' }));
    assert.equal(!v.authenticated && v.refusal, 'no_sender');
  });
});

describe('mayJoinComplaint', () => {
  const ok = { authenticated: true as const, basis: 'dkim' as const };
  test("joins only the complaint's own customer, authenticated", () => {
    assert.deepEqual(
      mayJoinComplaint({ from: 'Ann@Example.com', customerEmail: 'ann@example.com', verdict: ok }),
      { join: true, basis: 'dkim' },
    );
  });
  test('a copied In-Reply-To from someone else does not join, authenticated or not', () => {
    const d = mayJoinComplaint({
      from: 'mallory@evil.net',
      customerEmail: 'ann@example.com',
      verdict: ok,
    });
    assert.equal(!d.join && d.refusal, 'not_the_customer');
    const noEmail = mayJoinComplaint({ from: 'ann@example.com', customerEmail: null, verdict: ok });
    assert.equal(noEmail.join, false);
  });
  test("a forged From (the customer's address, not authenticated) does not join", () => {
    const d = mayJoinComplaint({
      from: 'ann@example.com',
      customerEmail: 'ann@example.com',
      verdict: authenticateSender(evidence({ envelopeFrom: 'mallory@evil.net' })),
    });
    assert.equal(!d.join && d.refusal, 'envelope_mismatch');
  });
});

// Doors (issue 8): the audit trail detects every tampering by someone who can write the
// database but does not hold the server's secret — deleting the newest events or a whole
// stream, moving an event to another complaint, rewriting and re-hashing a chain, inserting a
// back-dated event — and names what broke.
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { applyComplaintAction } from '../../src/app/complaints/apply-complaint-action.ts';
import { registerComplaint } from '../../src/app/complaints/register-complaint.ts';
import { createComplaintInput } from '../../src/app/complaints/schemas.ts';
import { verifyAudit } from '../../src/app/audit/verify-audit.ts';
import { PolicyRegistry } from '../../src/app/policy-registry.ts';
import type { Db } from '../../src/db/client.ts';
import { auditKey } from '../../src/db/audit-key.ts';
import { chainEvent } from '../../src/db/repositories/events.ts';
import { dataDigest, eventHash, headMac } from '../../src/domain/audit/chain.ts';
import { CLI_ACTOR } from '../../src/cli/runtime.ts';
import { complaintBody } from '../helpers/app.ts';
import { engines, openTestDb } from '../helpers/db.ts';
import { testServices } from '../helpers/services.ts';
import { createHash, randomBytes } from 'node:crypto';

const HANDLER = { id: 'seed', role: 'handler' as const };

interface Row {
  id: number;
  stream: string;
  stream_seq: number;
  complaint_id: string;
  type: string;
  actor_id: string;
  actor_role: string;
  at: Date;
  reason: string | null;
  public: boolean;
  data: unknown;
  data_digest: string;
  prev_hash: string;
  hash: string;
  recorded_at: Date;
}

for (const engine of engines()) {
  describe(`audit trail tampering (${engine})`, () => {
    let t: Awaited<ReturnType<typeof openTestDb>>;
    let db: Db;
    let refs: string[] = [];
    let snapshot: { events: Row[]; heads: unknown[] };

    async function rows(ref: string): Promise<Row[]> {
      return (
        await db.query<Row>('select * from events where stream = $1 order by stream_seq', [ref])
      ).rows;
    }
    /** Changes the trail behind the append-only trigger's back, as an intruder with SQL would. */
    async function tamper(...statements: [string, unknown[]][]) {
      await db.transaction(async (tx) => {
        await tx.query('alter table events disable trigger events_append_only');
        for (const [sql, params] of statements) await tx.query(sql, params);
        await tx.query('alter table events enable trigger events_append_only');
      });
    }
    const verify = (stream?: string) => verifyAudit({ db }, CLI_ACTOR, stream ? { stream } : {});

    before(async () => {
      t = await openTestDb(engine);
      db = t.db;
      await db.query(
        `insert into users (id, email, name, role) values ('seed', 'seed@example.test', 'Seed', 'handler')`,
      );
      const policies = new PolicyRegistry(db);
      await policies.syncPresets();
      const services = testServices(db, policies);
      for (let i = 0; i < 2; i++) {
        const r = await registerComplaint(services, HANDLER, {
          complaint: createComplaintInput.parse(complaintBody({ subject: `Tamper ${i}` })),
          route: 'staff',
        });
        for (const [action, payload] of [
          ['acknowledge', {}],
          ['start-investigation', {}],
          ['add-note', { text: 'called the customer' }],
          ['add-note', { text: 'engineer booked' }],
        ] as const) {
          await applyComplaintAction(services, HANDLER, {
            reference: r.reference,
            action,
            payload,
          });
        }
        refs.push(r.reference);
      }
      refs = refs.sort();
      snapshot = {
        events: (await db.query<Row>('select * from events order by id')).rows,
        heads: (await db.query('select * from audit_heads')).rows,
      };
    });
    after(() => t.close());

    // Each test starts from the intact trail.
    beforeEach(async () => {
      await tamper(
        ['delete from events', []],
        [
          `insert into events overriding system value
           select * from jsonb_populate_recordset(null::events, $1::jsonb)`,
          [JSON.stringify(snapshot.events)],
        ],
        ['delete from audit_heads', []],
        [
          `insert into audit_heads select * from jsonb_populate_recordset(null::audit_heads, $1::jsonb)`,
          [JSON.stringify(snapshot.heads)],
        ],
      );
      const intact = await verify();
      assert.equal(intact.broken, null, JSON.stringify(intact.broken));
    });

    test('an intact trail verifies, every stream anchored by its head', async () => {
      const r = await verify();
      assert.equal(r.broken, null);
      assert.equal(r.unanchored, 0);
      assert.ok(r.events >= 10);
    });

    test('deleting the newest events of a stream is found at its head', async () => {
      const [a] = refs;
      const events = await rows(a!);
      await tamper([
        'delete from events where stream = $1 and stream_seq >= $2',
        [a, events.length - 1],
      ]);
      const r = await verify(a);
      assert.match(r.broken?.problem ?? '', /events were removed/);
    });

    test('deleting a whole stream is found, with or without its head', async () => {
      const [a, b] = refs;
      await tamper(['delete from events where stream = $1', [a]]);
      assert.match((await verify()).broken?.problem ?? '', /every event of the stream was removed/);
      await tamper(
        ['delete from events where stream = $1', [b]],
        ['delete from audit_heads where stream = $1', [b]],
      );
      const r = await verify();
      assert.ok(r.broken, 'a complaint without any trail is named');
      assert.match(r.broken.problem, /removed|no audit trail|no head/);
    });

    test('moving an event to another complaint breaks its hash', async () => {
      const [a, b] = refs;
      const target = (await rows(b!))[0]!.complaint_id;
      const moved = (await rows(a!))[2]!;
      await tamper(['update events set complaint_id = $2 where id = $1', [moved.id, target]]);
      const r = await verify(a);
      assert.equal(r.broken?.id, Number(moved.id));
      assert.match(r.broken.problem, /another complaint|does not match its hash/);
    });

    test('rewriting a chain and re-hashing it without the key is found', async () => {
      const [a] = refs;
      const events = await rows(a!);
      // The intruder rewrites the note and recomputes every hash — with a key of their own —
      // and forges the head to match.
      const forgedKey = randomBytes(32);
      let prev = events[0]!.prev_hash;
      const statements: [string, unknown[]][] = [];
      for (const e of events) {
        const data = e.type === 'note_added' ? { text: 'nothing happened' } : e.data;
        const digest = dataDigest(data);
        const hash = eventHash(
          {
            stream: e.stream,
            streamSeq: e.stream_seq,
            complaintId: Number(e.complaint_id),
            type: e.type,
            actorId: e.actor_id,
            actorRole: e.actor_role,
            at: e.at,
            reason: e.reason,
            public: e.public,
            data,
            recordedAt: e.recorded_at,
            hashVersion: 2,
            dataDigest: digest,
          },
          prev,
          forgedKey,
        );
        statements.push([
          'update events set data = $2, data_digest = $3, prev_hash = $4, hash = $5 where id = $1',
          [e.id, JSON.stringify(data), digest, prev, hash],
        ]);
        prev = hash;
      }
      const last = events[events.length - 1]!;
      const head = {
        stream: a!,
        complaintId: Number(last.complaint_id),
        seq: last.stream_seq,
        hash: prev,
        at: last.recorded_at,
      };
      statements.push([
        'update audit_heads set hash = $2, mac = $3 where stream = $1',
        [a, prev, headMac(head, forgedKey)],
      ]);
      await tamper(...statements);
      const r = await verify(a);
      assert.equal(r.broken?.id, Number(events[0]!.id));
      assert.match(r.broken.problem, /re-hashed/);
    });

    test('rewriting a chain as unkeyed (version 1) rows is found', async () => {
      const [a] = refs;
      const events = await rows(a!);
      let prev = events[0]!.prev_hash;
      const statements: [string, unknown[]][] = [];
      for (const e of events) {
        const hash = createHash('sha256').update(prev).update('forged').digest('hex');
        statements.push([
          'update events set hash_version = 1, prev_hash = $2, hash = $3 where id = $1',
          [e.id, prev, hash],
        ]);
        prev = hash;
      }
      statements.push(['delete from audit_heads where stream = $1', [a]]);
      await tamper(...statements);
      const r = await verify(a);
      assert.ok(r.broken, 'the rewrite is named');
    });

    test('a back-dated event inserted at the end is found, even with a well-formed link', async () => {
      const [a] = refs;
      const events = await rows(a!);
      const last = events[events.length - 1]!;
      // Without the key: the link is right, the hash cannot be.
      const forged = chainEvent(
        a!,
        last.stream_seq + 1,
        Number(last.complaint_id),
        {
          type: 'acknowledged',
          actor: HANDLER,
          at: new Date(events[0]!.at.getTime() + 60_000),
          data: {},
        },
        last.hash,
        new Date(last.recorded_at.getTime() - 86_400_000),
        randomBytes(32),
      );
      await tamper([
        `insert into events (stream, stream_seq, complaint_id, type, actor_id, actor_role, at, reason,
           public, data, data_digest, prev_hash, hash, hash_version, recorded_at)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, 2, $14)`,
        [
          forged.stream,
          forged.stream_seq,
          forged.complaint_id,
          forged.type,
          forged.actor_id,
          forged.actor_role,
          forged.at,
          forged.reason,
          forged.public,
          JSON.stringify(forged.data),
          forged.data_digest,
          forged.prev_hash,
          forged.hash,
          forged.recorded_at,
        ],
      ]);
      const r = await verify(a);
      assert.ok(r.broken, 'the insert is named');
      assert.equal(r.broken.streamSeq, last.stream_seq + 1);

      // With the key (an insider): the hash and the head are right, the time is not.
      await tamper([
        'delete from events where stream = $1 and stream_seq = $2',
        [a, last.stream_seq + 1],
      ]);
      const insider = chainEvent(
        a!,
        last.stream_seq + 1,
        Number(last.complaint_id),
        { type: 'acknowledged', actor: HANDLER, at: events[0]!.at, data: {} },
        last.hash,
        new Date(last.recorded_at.getTime() - 86_400_000),
        auditKey(),
      );
      const head = {
        stream: a!,
        complaintId: Number(last.complaint_id),
        seq: insider.stream_seq,
        hash: insider.hash,
        at: insider.recorded_at,
      };
      await tamper(
        [
          `insert into events (stream, stream_seq, complaint_id, type, actor_id, actor_role, at, reason,
             public, data, data_digest, prev_hash, hash, hash_version, recorded_at)
           values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, 2, $14)`,
          [
            insider.stream,
            insider.stream_seq,
            insider.complaint_id,
            insider.type,
            insider.actor_id,
            insider.actor_role,
            insider.at,
            insider.reason,
            insider.public,
            JSON.stringify(insider.data),
            insider.data_digest,
            insider.prev_hash,
            insider.hash,
            insider.recorded_at,
          ],
        ],
        [
          'update audit_heads set seq = $2, hash = $3, at = $4, mac = $5 where stream = $1',
          [a, head.seq, head.hash, head.at, headMac(head, auditKey())],
        ],
      );
      const r2 = await verify(a);
      assert.match(r2.broken?.problem ?? '', /back-dated/);
    });
  });
}

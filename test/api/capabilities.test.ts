// What the API tells a client it may do is what the API then lets it do: a complaint's
// allowedActions and capability flags, per role, predict the answers to those requests.
import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { COMPLAINT_PERMISSIONS } from '../../src/domain/access/complaint-access.ts';
import { may } from '../../src/domain/access/permissions.ts';
import { ACTIONS, type ActionType } from '../../src/domain/complaint/actions.ts';
import { ROLES, type Role } from '../../src/domain/complaint/states.ts';
import { SAMPLE_ACTIONS } from '../factories/complaint.ts';
import { complaintBody, startApp } from '../helpers/app.ts';
import { engines } from '../helpers/db.ts';
import { recordErrors, undocumented } from '../helpers/documented-errors.ts';

const answered = recordErrors();

const BOUNDARY = 'redress-capabilities';
const UPLOAD = {
  'content-type': `multipart/form-data; boundary=${BOUNDARY}`,
};
const FILE =
  `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="note.txt"\r\n` +
  `Content-Type: text/plain\r\n\r\nThe bill, scanned.\r\n--${BOUNDARY}--\r\n`;

for (const engine of engines()) {
  describe(`capabilities predict what the API allows (${engine})`, async () => {
    const t = await startApp(engine, { now: new Date('2026-03-20T12:00:00Z') });
    after(() => t.close());

    /** A new complaint of the billing department (its member's own). */
    async function newComplaint(): Promise<string> {
      const r = await t.app.inject({
        method: 'POST',
        url: '/api/v1/complaints',
        headers: t.as('handler'),
        // A customer with a postal address: a procedure copy asked for by post can go by post.
        payload: complaintBody({
          departmentId: 'billing',
          customer: {
            name: 'Pat Posted',
            email: 'pat.posted@example.com',
            address: ['2 Mill Lane', 'Bath'],
          },
        }),
      });
      assert.equal(r.statusCode, 201, r.body);
      return r.json().reference;
    }

    const payloadOf = (action: ActionType) => {
      const { type: _type, ...payload } = SAMPLE_ACTIONS[action];
      // Someone who exists, so an allowed assignment is not refused for its target; words for
      // the customer, so a refusal's letter has the reason it must give.
      if (action === 'assign') return { ...payload, assigneeId: t.users.handler.id };
      if (action === 'refuse-deadlock-letter') {
        return { ...payload, customerMessage: 'Your complaint is outside what we can decide.' };
      }
      return payload;
    };

    for (const role of ROLES) {
      test(`${role}: the complaint's flags follow the permission table`, async () => {
        const reference = await newComplaint();
        const r = await t.app.inject({
          url: `/api/v1/complaints/${reference}`,
          headers: t.as(role),
        });
        assert.equal(r.statusCode, 200, r.body);
        const { capabilities } = r.json();
        assert.deepEqual(Object.keys(capabilities).sort(), [...COMPLAINT_PERMISSIONS].sort());
        for (const p of COMPLAINT_PERMISSIONS) assert.equal(capabilities[p], may(role, p), p);

        const upload = await t.app.inject({
          method: 'POST',
          url: `/api/v1/complaints/${reference}/attachments`,
          headers: { ...t.as(role), ...UPLOAD },
          payload: FILE,
        });
        assert.equal(upload.statusCode === 201, capabilities['complaint.attach'], upload.body);
        const letters = await t.app.inject({ url: '/api/v1/letters', headers: t.as(role) });
        assert.equal(letters.statusCode === 200, capabilities['letter.read'], letters.body);
      });

      test(`${role}: every action offered is taken, every other is refused`, async () => {
        const reference = await newComplaint();
        const detail = await t.app.inject({
          url: `/api/v1/complaints/${reference}`,
          headers: t.as(role),
        });
        const offered = detail.json().allowedActions as ActionType[];
        if (role === 'auditor') assert.deepEqual(offered, []);
        else assert.ok(offered.includes('add-note'), offered.join());
        for (const action of ACTIONS.filter((a) => !offered.includes(a))) {
          const r = await t.app.inject({
            method: 'POST',
            url: `/api/v1/complaints/${reference}/actions/${action}`,
            headers: t.as(role),
            payload: payloadOf(action),
          });
          assert.ok(r.statusCode >= 400 && r.statusCode < 500, `${action}: ${r.statusCode}`);
        }
        // Each offered action on a complaint of its own (taking one changes what is next).
        for (const action of offered) {
          const fresh = await newComplaint();
          const r = await t.app.inject({
            method: 'POST',
            url: `/api/v1/complaints/${fresh}/actions/${action}`,
            headers: t.as(role),
            payload: payloadOf(action),
          });
          assert.equal(r.statusCode, 200, `${role} ${action}: ${r.body}`);
        }
      });
    }

    test('the session flags say what SPEC §1 says each role may do', async () => {
      const expect: Record<string, Role[]> = {
        'complaint.create': ['handler', 'manager', 'administrator'],
        'complaint.read': [...ROLES],
        'user.manage': ['administrator'],
        'action.approve-response': ['manager', 'administrator'],
        'action.add-note': ['handler', 'department_member', 'manager', 'administrator'],
        'template.edit': ['administrator'],
      };
      for (const role of ROLES) {
        const r = await t.app.inject({ url: '/api/v1/auth/session', headers: t.as(role) });
        const { capabilities } = r.json();
        for (const [p, roles] of Object.entries(expect)) {
          assert.equal(capabilities[p], roles.includes(role), `${role} ${p}`);
        }
      }
    });

    test('every error answered above is listed for its operation and status in the document', async () => {
      const doc = (await t.app.inject({ url: '/api/openapi.json' })).json();
      assert.deepEqual(undocumented(doc, answered), []);
    });
  });
}

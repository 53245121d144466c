// The table of who may do what, and who reaches which complaint.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  canSeeComplaint,
  complaintCapabilities,
} from '../../src/domain/access/complaint-access.ts';
import {
  capabilitiesOf,
  may,
  PERMISSION_NAMES,
  PERMISSIONS,
} from '../../src/domain/access/permissions.ts';
import { ACTIONS } from '../../src/domain/complaint/actions.ts';
import { ROLES } from '../../src/domain/complaint/states.ts';

describe('the permission table', () => {
  test('public permissions are anyone\'s; "any" is every signed-in role; lists are exact', () => {
    assert.equal(may(null, 'procedure.read'), true);
    assert.equal(may(null, 'session.read'), false);
    for (const role of ROLES) assert.equal(may(role, 'session.read'), true);
    assert.equal(may('auditor', 'complaint.create'), false);
    assert.equal(may('handler', 'complaint.create'), true);
    // Customers and the system act through their own paths, never by a staff permission.
    assert.equal(may('customer', 'department.read'), false);
    assert.equal(may('system', 'complaint.read'), false);
    assert.equal(may('customer', 'tracking.act'), true);
  });

  test('every lifecycle action is one permission; auditors hold none of them', () => {
    for (const a of ACTIONS) assert.ok(`action.${a}` in PERMISSIONS, a);
    for (const a of ACTIONS) assert.equal(may('auditor', `action.${a}`), false, a);
    assert.deepEqual(PERMISSIONS['action.approve-response'], ['manager', 'administrator']);
  });

  test('capability flags: every permission, true exactly where may() is', () => {
    for (const role of ROLES) {
      const flags = capabilitiesOf(role);
      assert.deepEqual(Object.keys(flags), PERMISSION_NAMES);
      for (const p of PERMISSION_NAMES) assert.equal(flags[p], may(role, p));
    }
  });

  test('a department member reaches their own department only, and has no flags elsewhere', () => {
    const member = { role: 'department_member', departmentId: 'billing' };
    assert.equal(canSeeComplaint(member, { departmentId: 'billing' }), true);
    assert.equal(canSeeComplaint(member, { departmentId: 'network' }), false);
    assert.equal(canSeeComplaint(member, { departmentId: null }), false);
    assert.equal(canSeeComplaint({ role: 'handler' }, { departmentId: null }), true);
    assert.deepEqual(complaintCapabilities(member, { departmentId: 'network' }), {
      'complaint.attach': false,
      'customer.match': false,
      'letter.read': false,
      'letter.post': false,
      'template.preview': false,
      'mail.confirm-sender': false,
      'tracking.link': false,
    });
    assert.equal(
      complaintCapabilities(member, { departmentId: 'billing' })['complaint.attach'],
      true,
    );
    // Confirming a mail's sender is for those who work complaints, not department members.
    assert.equal(
      complaintCapabilities(member, { departmentId: 'billing' })['mail.confirm-sender'],
      false,
    );
    assert.equal(
      complaintCapabilities({ role: 'handler' }, { departmentId: null })['mail.confirm-sender'],
      true,
    );
    // Giving the customer's tracking link again: those who work complaints, never the auditor.
    assert.equal(
      complaintCapabilities(member, { departmentId: 'billing' })['tracking.link'],
      false,
    );
    assert.equal(
      complaintCapabilities({ role: 'handler' }, { departmentId: null })['tracking.link'],
      true,
    );
    assert.equal(
      complaintCapabilities({ role: 'auditor' }, { departmentId: null })['tracking.link'],
      false,
    );
  });
});

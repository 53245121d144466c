// Several processes on one database: a calendar correction or a policy version added by one
// reaches the others' policies without a restart (the serve process checks every few seconds).
import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { PolicyRegistry } from '../../src/app/policy-registry.ts';
import { openTestDb, engines } from '../helpers/db.ts';

for (const engine of engines()) {
  describe(`policies refreshed from another process (${engine})`, async () => {
    const t = await openTestDb(engine);
    after(() => t.close());
    const db = t.db;
    const mine = new PolicyRegistry(db);
    const theirs = new PolicyRegistry(db);
    await mine.syncPresets();
    await theirs.reload();

    test('nothing changed: no reload', async () => {
      assert.equal(await theirs.refreshIfChanged(), false);
    });

    test("a correction made through one registry reaches the other's calendar", async () => {
      const day = '2027-03-03'; // a Wednesday: a working day in the UK
      const at = new Date('2027-01-01T00:00:00Z');
      const added = () =>
        theirs
          .at('uk-comms-ombudsman', at)
          .calendar.add.some((d) => (typeof d === 'string' ? d : d.date) === day);
      assert.equal(added(), false);
      await db.query(
        `insert into calendar_corrections (policy_id, day, change, reason) values ($1, $2, 'add', $3)`,
        ['uk-comms-ombudsman', day, 'office closed for a move'],
      );
      assert.equal(added(), false, 'not before it looks');
      assert.equal(await theirs.refreshIfChanged(), true);
      assert.equal(added(), true);
      assert.equal(await theirs.refreshIfChanged(), false);
    });
  });
}

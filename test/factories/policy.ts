// A minimal valid policy (SPEC §3), parsed so every default is filled in.
import { policySchema, type Policy, type PolicyInput } from '../../src/domain/policy/schema.ts';

export const MINIMAL_POLICY_INPUT: PolicyInput = {
  id: 'test',
  name: 'Test',
  timezone: 'Europe/London',
  calendar: { holidays: 'GB-ENG' },
  clocks: { acknowledge: { amount: 24, unit: 'working_hours', stopsOn: 'acknowledged' } },
};

/** Top-level keys replace the minimal policy's; nested objects get their own defaults. */
export function buildPolicy(overrides: Partial<PolicyInput> = {}): Policy {
  return policySchema.parse({ ...MINIMAL_POLICY_INPUT, ...overrides });
}

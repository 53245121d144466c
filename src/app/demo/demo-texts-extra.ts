// More demo topics in English: consumer equipment finance (FCA DISP) and English-speaking
// customers of the Vietnamese datacentre (seed 004).
import type { Topic } from './demo-texts.ts';

export const EXTRA_TOPICS: Topic[] = [
  // Equipment finance (FCA DISP).
  {
    lang: 'en',
    policy: 'uk-fca-disp',
    key: 'finance-arrears',
    subject: () => 'Arrears wrongly reported to credit reference agencies',
    description: () =>
      'My handset finance agreement shows a missed payment on my credit file, but I paid on time every month.',
    product: 'Handset finance agreement',
    category: 'credit_reporting',
    department: 'billing',
    remedy: 'Correct my credit file and compensate me.',
    question: 'Please send a bank statement showing the payment.',
    answer: () => 'Statement attached showing the payment on the due date.',
    findings: () => 'Payment allocated to a closed agreement; arrears flag raised in error.',
    rootCause: 'billing_error',
    plan: 'Amend the credit file and write to the customer.',
    response: () =>
      'Your payment was applied to an old agreement by mistake. We have asked the credit reference agencies to remove the missed payment and paid £150 for the distress caused.',
    summary: 'Misallocated payment; credit file corrected.',
    lessons: 'Payments to closed agreements are now held for review.',
    redress: { kind: 'money', description: 'Distress and inconvenience award', amount: 150 },
    firstContact: 'Amendment requested to the agencies during the call.',
  },
  {
    lang: 'en',
    policy: 'uk-fca-disp',
    key: 'finance-affordability',
    subject: () => 'Finance agreement was unaffordable',
    description: () =>
      'I was given handset finance without any affordability checks while I was out of work.',
    product: 'Handset finance agreement',
    category: 'lending',
    department: 'billing',
    remedy: 'Refund the interest and remove the agreement from my file.',
    question: 'Could you tell us your income and outgoings at the time of the agreement?',
    answer: () => 'Income and expenditure form returned.',
    findings: () => 'Affordability check passed on declared income; no verification.',
    rootCause: 'process_failure',
    plan: 'Review the application and the checks carried out.',
    response: () =>
      'We have reviewed your application. Our checks did not verify your income, so we are refunding the interest you paid.',
    summary: 'Weak affordability verification; interest refunded.',
    lessons: 'Income verification added for agreements over £500.',
    redress: {
      kind: 'money',
      description: 'Interest refunded with 8% simple interest',
      amount: 212.4,
    },
    firstContact: 'Payment plan agreed on the call.',
  },
  // English-speaking customers of the Vietnamese datacentre.
  {
    lang: 'en',
    policy: 'vn-datacentre',
    key: 'cross-connect-late',
    subject: (v) => `Cross-connect delivered ${v.days} days late`,
    description: (v) =>
      `We ordered a fibre cross-connect from rack ${v.rack} to the carrier meet-me room with a 5-day lead time. It took ${v.days} days and delayed our launch in Ho Chi Minh City.`,
    product: 'Cross-connect',
    category: 'provisioning',
    department: 'datacentre-operations',
    remedy: 'Waive the installation fee.',
    question: 'Please confirm the order number and the requested delivery date.',
    answer: (v) => `Order ${v.account}, requested for the 3rd.`,
    findings: () => 'Patch panel in the meet-me room was full; new panel took a week to arrive.',
    rootCause: 'capacity',
    plan: 'Operations to report the cause and the capacity plan.',
    response: () =>
      'The meet-me room patch panel was full and a new one had to be ordered. We have waived the installation fee.',
    summary: 'Meet-me room capacity shortfall.',
    lessons: 'Monthly capacity review for meet-me room panels.',
    redress: { kind: 'money', description: 'Installation fee waived', amount: 6500000 },
    firstContact: 'Confirmed delivery date with the customer at the desk.',
  },
  {
    lang: 'en',
    policy: 'vn-datacentre',
    key: 'power-feed-b',
    subject: (v) => `Power feed B failed during maintenance – rack ${v.rack}`,
    description: (v) =>
      `During announced UPS maintenance our rack ${v.rack} lost feed B, and two servers with single power supplies went down for ${v.hours} hours.`,
    product: 'Colocation power',
    category: 'power',
    department: 'datacentre-operations',
    remedy: 'Root cause report and SLA credit.',
    question: 'Which devices in the rack have single power supplies?',
    answer: () => 'Two firewalls; list attached.',
    findings: () => 'Maintenance switched feed B while feed A PDU breaker was tripped.',
    rootCause: 'power_failure',
    plan: 'Operations to deliver the root cause report within 5 working days.',
    response: () =>
      'Feed B was switched off for maintenance while a breaker on your feed A was already tripped. SLA credit applied and pre-checks added.',
    summary: 'Maintenance without checking the other feed.',
    lessons: 'Check both feeds of every rack before maintenance.',
    redress: { kind: 'money', description: 'SLA credit', amount: 12000000 },
    firstContact: 'Breaker reset by remote hands while the customer waited.',
  },
];

// English for the staff screens, loaded only by them (the customers' pages never load it).
import { enFieldIssues } from './en-field-issues.ts';

const enStaff = {
  fieldIssue: enFieldIssues,
  staff: {
    nav: 'Staff navigation',
    queue: 'Queue',
    dashboard: 'Dashboard',
    admin: 'Administration',
    audit: 'Audit trail',
    returns: 'Returns',
    inbox: 'Inbox',
    lessons: 'Lessons learned',
    signOut: 'Sign out',
    signedInAs: 'Signed in as {{name}}, {{role}}',
    notAllowed: 'This page is not for your role.',
    goHome: 'Go to your home page',
    queueTitle: 'Queue',
    dashboardTitle: 'Dashboard',
    welcome: 'Welcome, {{name}}.',
    notYet:
      'The complaints queue and case workspace are being built. Until they arrive, this page shows what is waiting for you.',
    notYetDashboard:
      'The dashboards and reports are being built. Until they arrive, this page shows what is waiting for you.',
    canDo: 'As {{role}} you can',
    tasks: 'Open tasks',
    notifications: 'Unread notifications',
    refresh: 'Refresh',
    none: 'None',
    links: 'Useful links',
    apiDocs: 'The API (OpenAPI document)',
    webForm: 'The customers’ web form',
  },
  roles: {
    handler: 'complaint handler',
    department_member: 'department member',
    manager: 'complaints manager',
    administrator: 'administrator',
    auditor: 'auditor',
  },
  roleCan: {
    handler:
      'log, acknowledge, investigate and answer complaints; ask customers for information; transfer complaints to departments.',
    department_member:
      'work on the complaints and tasks of your department; record findings; propose causes and fixes.',
    manager:
      'approve responses; take escalations; decide deadlock, vexatious and out-of-jurisdiction complaints; watch compliance.',
    administrator: 'configure policies, calendars, departments, users, templates and mailboxes.',
    auditor: 'read the audit trail and the reports; you change nothing.',
  },
};

export default enStaff;
export type StaffMessages = typeof enStaff;

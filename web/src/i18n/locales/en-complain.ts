// English for the web form and the page after sending it (loaded by /complain only, so the
// tracking page and the others do not carry them).
import { enFieldIssues } from './en-field-issues.ts';

const enComplain = {
  fieldIssue: enFieldIssues,
  complain: {
    title: 'Make a complaint',
    intro:
      'Tell us what went wrong and what would put it right. Fields are required unless marked optional.',
    procedureLink: 'Read our complaints procedure',
    unknownPolicy: 'There is no complaints procedure called “{{policy}}”.',
    aboutYou: 'About you',
    name: 'Your name',
    email: 'Your email address',
    emailHint: 'We send your acknowledgement and updates here.',
    phone: 'Your phone number',
    contactRequired: 'Give an email address or a phone number so that we can reply',
    preferredContact: 'How should we contact you?',
    contact_email: 'By email',
    contact_phone: 'By phone',
    contact_post: 'By post',
    contact_portal: 'On the tracking page only',
    contact_none: 'No preference',
    preferredNeedsEmail: 'Give your email address to be contacted by email',
    preferredNeedsPhone: 'Give your phone number to be contacted by phone',
    address: 'Your postal address',
    addressHint: 'One line per line of the address.',
    preferredNeedsAddress: 'Give your postal address to be contacted by post',
    aboutComplaint: 'What happened',
    subject: 'Subject',
    subjectHint: 'A few words, for example “Broadband down since Monday”.',
    description: 'Your complaint',
    descriptionHint: 'What happened, when, and who you dealt with.',
    remedy: 'What would put it right?',
    remedyHint: 'For example a refund, a repair or an apology.',
    attachments: 'Documents and photos',
    attachmentsHint:
      'Up to {{count}} files of at most {{size}} each: PDF, images (PNG, JPEG, GIF, WebP), Word, Excel, text, ZIP or email files.',
    needs: 'Do you need any adjustments from us?',
    needsHint: 'For example large print, a phone call instead of letters, or an interpreter.',
    send: 'Send complaint',
    sending: 'Sending your complaint…',
    uploading: 'Uploading {{name}}…',
    uploadFailed: 'Your complaint was sent, but {{name}} could not be attached: {{reason}}',
  },
  receipt: {
    title: 'Complaint sent',
    reference: 'Your reference is',
    saveLink:
      'Keep this link: it is the way to follow your complaint, reply to us and ask for what you need.',
    trackingLink: 'Your tracking link',
    copyLink: 'Copy link',
    openTracking: 'Follow your complaint',
    promises: 'What happens next',
    another: 'Make another complaint',
  },
};

export default enComplain;

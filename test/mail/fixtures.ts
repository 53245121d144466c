// Mails for the inbound tests: well-formed ones composed by nodemailer's MIME builder (real
// MIME, as a mail client would send it), and hand-written broken, automatic and bounce mails.
import MailComposer from 'nodemailer/lib/mail-composer';

export interface MailSpec {
  from?: string;
  to?: string | string[];
  cc?: string[];
  subject?: string;
  messageId?: string;
  inReplyTo?: string;
  references?: string[];
  text?: string;
  html?: string;
  headers?: Record<string, string>;
  attachments?: { filename: string; content: Buffer; contentType?: string }[];
  date?: Date;
  /**
   * The envelope sender, written as the first line's Return-Path as our SMTP listener (or a
   * delivering host) writes it; '' for the null sender. Absent: no Return-Path.
   */
  envelope?: string;
  /** Authentication-Results header values, added on top as a receiving host would. */
  authResults?: string[];
}

let counter = 0;
export const uniqueId = (tag = 'm') =>
  `<${tag}.${process.pid}.${Date.now()}.${++counter}@customer.example>`;

export async function composeMail(spec: MailSpec = {}): Promise<Buffer> {
  const composer = new MailComposer({
    from: spec.from ?? 'Ann Customer <ann@example.com>',
    to: spec.to ?? 'complaints@redress.test',
    ...(spec.cc ? { cc: spec.cc } : {}),
    subject: spec.subject ?? 'My broadband keeps dropping',
    messageId: spec.messageId ?? uniqueId(),
    ...(spec.inReplyTo ? { inReplyTo: spec.inReplyTo } : {}),
    ...(spec.references ? { references: spec.references } : {}),
    date: spec.date ?? new Date('2026-03-13T09:00:00Z'),
    text: spec.text ?? 'My connection has dropped every evening since Monday.',
    ...(spec.html ? { html: spec.html } : {}),
    ...(spec.headers ? { headers: spec.headers } : {}),
    ...(spec.attachments ? { attachments: spec.attachments } : {}),
  });
  const mail = await composer.compile().build();
  const trace = [
    ...(spec.envelope !== undefined ? [`Return-Path: <${spec.envelope}>`] : []),
    ...(spec.authResults ?? []).map((v) => `Authentication-Results: ${v}`),
  ];
  return trace.length ? Buffer.concat([Buffer.from(`${trace.join('\r\n')}\r\n`), mail]) : mail;
}

const crlf = (s: string) => Buffer.from(s.replace(/\r?\n/g, '\r\n'), 'latin1');

/** An out-of-office reply (RFC 3834). */
export function outOfOffice(messageId = uniqueId('ooo')): Buffer {
  return crlf(`From: Bob Away <bob@example.com>
To: complaints@redress.test
Subject: Automatic reply: My broadband keeps dropping
Message-ID: ${messageId}
Date: Fri, 13 Mar 2026 09:05:00 +0000
Auto-Submitted: auto-replied
X-Autoreply: yes
Content-Type: text/plain; charset=utf-8

I am out of the office until Monday.
`);
}

/** A real-world shaped delivery status notification (RFC 3464 multipart/report). */
export function bounce(messageId = uniqueId('dsn')): Buffer {
  return crlf(`Return-Path: <>
Received: from mx.example.net (mx.example.net [192.0.2.25])
	by mail.redress.test with ESMTPS id 4Fz1; Fri, 13 Mar 2026 09:06:00 +0000
From: Mail Delivery System <MAILER-DAEMON@mx.example.net>
To: complaints@redress.test
Subject: Undelivered Mail Returned to Sender
Message-ID: ${messageId}
Date: Fri, 13 Mar 2026 09:06:00 +0000
Auto-Submitted: auto-replied
MIME-Version: 1.0
Content-Type: multipart/report; report-type=delivery-status;
	boundary="4Fz1.1773392760/mx.example.net"

This is a MIME-encapsulated message.

--4Fz1.1773392760/mx.example.net
Content-Description: Notification
Content-Type: text/plain; charset=us-ascii

This is the mail system at host mx.example.net.

I'm sorry to have to inform you that your message could not
be delivered to one or more recipients.

<nobody@example.net>: host mx.example.net said: 550 5.1.1 User unknown

--4Fz1.1773392760/mx.example.net
Content-Description: Delivery report
Content-Type: message/delivery-status

Reporting-MTA: dns; mx.example.net
X-Postfix-Queue-ID: 4Fz1
Arrival-Date: Fri, 13 Mar 2026 09:05:59 +0000

Final-Recipient: rfc822; nobody@example.net
Original-Recipient: rfc822;nobody@example.net
Action: failed
Status: 5.1.1
Remote-MTA: dns; mx.example.net
Diagnostic-Code: smtp; 550 5.1.1 User unknown

--4Fz1.1773392760/mx.example.net
Content-Description: Undelivered Message Headers
Content-Type: text/rfc822-headers

From: Redress <complaints@redress.test>
To: nobody@example.net
Subject: We have received your complaint RD-2026-000001
Message-ID: <RD-2026-000001.abc.def@redress.test>

--4Fz1.1773392760/mx.example.net--
`);
}

/** A multipart mail whose parts never use the declared boundary, and never close it. */
export function brokenMime(messageId = uniqueId('broken')): Buffer {
  return crlf(`From: Carl Broken <carl@example.com>
To: complaints@redress.test
Subject: Broken MIME
Message-ID: ${messageId}
Date: Fri, 13 Mar 2026 09:07:00 +0000
MIME-Version: 1.0
Content-Type: multipart/mixed; boundary="declared-boundary"

--other-boundary
Content-Type: text/plain; charset=utf-8

Half a mail
--other-boundary
Content-Type: application/pdf; name="bill.pdf"
Content-Transfer-Encoding: base64

JVBERi0xLjQK!!!not base64
`);
}

/** Declared UTF-8, but written in Latin-1 (é as 0xE9), and a charset nobody knows. */
export function badCharset(messageId = uniqueId('charset')): Buffer {
  return Buffer.concat([
    crlf(`From: Dora <dora@example.com>
To: complaints@redress.test
Subject: =?x-no-such-charset?Q?Factur=E9?=
Message-ID: ${messageId}
Date: Fri, 13 Mar 2026 09:08:00 +0000
MIME-Version: 1.0
Content-Type: text/plain; charset=utf-8
Content-Transfer-Encoding: 8bit

`),
    Buffer.from('Ma facture est fausse, d', 'latin1'),
    Buffer.from([0xe9]),
    Buffer.from('j', 'latin1'),
    Buffer.from([0xe0]),
    Buffer.from(' pay\u00e9e.\r\n', 'latin1'),
  ]);
}

export async function hugeAttachment(mb = 20, messageId = uniqueId('huge')): Promise<Buffer> {
  return composeMail({
    from: 'Eve Big <eve@example.com>',
    subject: 'Scans of my bills',
    messageId,
    attachments: [
      {
        filename: 'scans.zip',
        content: Buffer.alloc(mb * 1024 * 1024, 7),
        contentType: 'application/zip',
      },
    ],
  });
}

export async function thousandRecipients(messageId = uniqueId('many')): Promise<Buffer> {
  return composeMail({
    from: 'Frank Spam <frank@example.com>',
    subject: 'To everyone',
    messageId,
    to: Array.from({ length: 1000 }, (_, i) => `person${i}@example.org`),
  });
}

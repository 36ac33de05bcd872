/**
 * What every message we send says about itself, beyond its content: a Message-ID on the
 * sender's own domain (a receiving server distrusts `@localhost`), the language of its text for
 * screen readers and filters, and that a program sent it, so that vacation responders and
 * auto-forwarders leave it alone (RFC 3834).
 */

/** The domain of the sender address in `MAIL_FROM` (`Name <no-reply@kommun.se>` or bare). */
export function senderDomain(mailFrom: string): string {
  const address = /<([^<>\s]+)>\s*$/.exec(mailFrom)?.[1] ?? mailFrom.trim();
  return address.slice(address.lastIndexOf('@') + 1).toLowerCase();
}

/**
 * The Message-ID of an outbox message: its row's random id on the sender's domain. The row id
 * is chosen when the message is queued, so a retry or a re-send after a crash carries the same
 * Message-ID, and a receiving server or person can tell a duplicate delivery for what it is.
 */
export function messageIdFor(outboxMessageId: string, mailFrom: string): string {
  return `<${outboxMessageId}@${senderDomain(mailFrom)}>`;
}

/** The headers of an automatic message in a language (`sv` or `en`). */
export function automaticMessageHeaders(language: string | undefined): Record<string, string> {
  return {
    'Auto-Submitted': 'auto-generated',
    // Exchange and Outlook: no out-of-office or other automatic reply to this message
    'X-Auto-Response-Suppress': 'All',
    ...(language ? { 'Content-Language': language } : {}),
  };
}

import { randomUUID } from 'node:crypto';
import nodemailer, { type Transporter } from 'nodemailer';
import type { OutboxRepository } from '../../storage/repositories/outbox-repository.js';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
}

/** Sends platform mail (password resets). Two implementations: SMTP and the database outbox. */
export interface Mailer {
  send(message: MailMessage): Promise<void>;
}

export class SmtpMailer implements Mailer {
  private readonly transport: Transporter;

  constructor(
    smtpUrl: string,
    private readonly from: string,
  ) {
    this.transport = nodemailer.createTransport(smtpUrl);
  }

  async send(message: MailMessage): Promise<void> {
    await this.transport.sendMail({ from: this.from, to: message.to, subject: message.subject, text: message.text });
  }
}

/** With no SMTP server configured, mail lands in a table an admin reads at /admin/outbox. */
export class OutboxMailer implements Mailer {
  constructor(private readonly outbox: OutboxRepository) {}

  async send(message: MailMessage): Promise<void> {
    await this.outbox.insert({
      id: randomUUID(),
      recipient: message.to,
      subject: message.subject,
      body: message.text,
      createdAt: new Date().toISOString(),
    });
  }
}

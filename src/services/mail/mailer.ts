import nodemailer from 'nodemailer';
import type { SmtpConfig } from '../../config.ts';

/** Sends one plain-text message; rejects with the SMTP server's answer when it is refused. */
export interface Mailer {
  send(message: { to: string; subject: string; text: string }): Promise<{ messageId: string }>;
  close(): void;
}

/** A real SMTP client (nodemailer) for the configured server (SMTP_* in .env.example). */
export function smtpMailer(config: SmtpConfig, options: { rejectUnauthorized?: boolean } = {}): Mailer {
  const transport = nodemailer.createTransport({
    host: config.host,
    port: config.port,
    secure: config.secure,
    ...(config.user ? { auth: { user: config.user, pass: config.password ?? '' } } : {}),
    connectionTimeout: 20_000,
    greetingTimeout: 20_000,
    socketTimeout: 60_000,
    ...(options.rejectUnauthorized === false ? { tls: { rejectUnauthorized: false } } : {}),
  });
  return {
    async send(message) {
      const info = await transport.sendMail({
        from: config.from,
        to: message.to,
        subject: message.subject,
        text: message.text,
        textEncoding: 'base64',
      });
      return { messageId: info.messageId };
    },
    close: () => transport.close(),
  };
}

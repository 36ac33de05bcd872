/**
 * `npm run bench -- mail`: invitations sent through the outbox (claim, compose with fresh
 * survey tokens, render, send, mark) to a local SMTP server, against raw pooled nodemailer
 * sending the same number of messages of the same size to the same server.
 */
import 'reflect-metadata';
import { AddressInfo } from 'node:net';
import nodemailer from 'nodemailer';
import { SMTPServer } from 'smtp-server';
import { SYSTEM_ACTOR } from '@ledarspegel/auth';
import { CampaignsService } from '@ledarspegel/campaigns';
import { connectWithoutDelay, OutboxDispatcher } from '@ledarspegel/mail';
import { createBenchApp, createCampaign, teamsCsv } from './bench-app';
import { measured, progress, resultLine } from './bench-support';

async function startSink(): Promise<{
  server: SMTPServer;
  port: number;
  count: () => number;
  bytes: () => number;
}> {
  let count = 0;
  let bytes = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      stream.on('data', (chunk: Buffer) => (bytes += chunk.length));
      stream.on('end', () => {
        count += 1;
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    server,
    port: (server.server.address() as AddressInfo).port,
    count: () => count,
    bytes: () => bytes,
  };
}

async function baseline(
  port: number,
  messages: number,
  size: number,
  noDelay = false,
): Promise<number> {
  const options = {
    host: '127.0.0.1',
    port,
    secure: false,
    pool: true as const,
    maxConnections: 5,
    maxMessages: 500,
    getSocket: noDelay ? connectWithoutDelay : undefined,
  };
  const transport = nodemailer.createTransport(options);
  const text = 'x'.repeat(Math.max(100, Math.floor(size / 2)));
  const started = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: messages }, (_, i) =>
      transport.sendMail({
        from: 'bench@kommun.se',
        to: `r${i}@bench.kommun.se`,
        subject: 'Ledarspegel',
        text,
        html: `<p>${text}</p>`,
      }),
    ),
  );
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  transport.close();
  return seconds;
}

async function main(): Promise<void> {
  const sink = await startSink();
  const bench = await createBenchApp('mail', { SMTP_URL: `smtp://127.0.0.1:${sink.port}` });
  const campaignId = await createCampaign(bench, teamsCsv(100, 9));
  const { emailsQueued } = await bench.app.get(CampaignsService).launch(SYSTEM_ACTOR, campaignId);
  const started = process.hrtime.bigint();
  await measured('mail', () => bench.app.get(OutboxDispatcher).drain());
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  await bench.close();
  const sent = sink.count();
  if (sent !== emailsQueued) {
    throw new Error(`expected ${emailsQueued} messages, the server got ${sent}`);
  }
  const averageSize = sink.bytes() / sent;
  progress(
    `mail: ${sent} invitations in ${seconds.toFixed(2)} s, ${Math.round(averageSize)} bytes each`,
  );
  const plain = await baseline(sink.port, sent, averageSize);
  progress(`mail: baseline ${plain.toFixed(2)} s`);
  // The goal's baseline is nodemailer as it comes. Ours opens its connections with TCP_NODELAY,
  // which alone makes loopback SMTP several times faster: the same nodemailer with it, to show
  // what our own work per message costs.
  const quick = await baseline(sink.port, sent, averageSize, true);
  progress(
    `mail: nodemailer with TCP_NODELAY ${quick.toFixed(2)} s, ${(sent / quick).toFixed(0)} messages/s; ours ${(quick / seconds).toFixed(2)} of it`,
  );
  await new Promise<void>((resolve) => sink.server.close(() => resolve()));
  process.stdout.write(
    `${resultLine('mail', sent / seconds, sent / plain, 'messages/s', plain / seconds)}\n`,
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`bench mail failed: ${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});

import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { CampaignScheduler } from '@ledarspegel/campaigns';
import { RetentionService } from '@ledarspegel/compliance';
import { AppLogger, LOGGER } from '@ledarspegel/core';
import { OutboxDispatcher } from '@ledarspegel/mail';

export const WORKER_ENABLED = Symbol('WORKER_ENABLED');

const IDLE_POLL_MS = 1000;
const SCHEDULE_EVERY_MS = 30_000;

/**
 * The background work: sending the outbox, the campaign schedule (closing, reminders) and the
 * daily retention run. Runs
 * in the api process when WORKER=embedded and in apps/worker; several may run against one
 * PostgreSQL database, since the outbox is claimed row by row and schedule steps are conditional.
 */
@Injectable()
export class BackgroundWorker implements OnApplicationBootstrap, OnApplicationShutdown {
  private running = false;
  private mailLoop: Promise<void> | null = null;
  private scheduleTimer: NodeJS.Timeout | null = null;
  private wake: (() => void) | null = null;

  constructor(
    private readonly dispatcher: OutboxDispatcher,
    private readonly scheduler: CampaignScheduler,
    private readonly retention: RetentionService,
    @Inject(LOGGER) private readonly logger: AppLogger,
    @Inject(WORKER_ENABLED) private readonly enabled: boolean,
  ) {}

  onApplicationBootstrap(): void {
    if (this.enabled) {
      this.start();
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await this.stop();
  }

  start(): void {
    if (this.running) {
      return;
    }
    this.running = true;
    this.mailLoop = this.runMail();
    const schedule = (): void => {
      this.scheduler
        .tick()
        .catch((error: unknown) => this.logger.error({ err: error }, 'schedule step failed'))
        // retention claims its run once a day, across every worker sharing the database
        .then(() => this.retention.runIfDue())
        .catch((error: unknown) => this.logger.error({ err: error }, 'retention run failed'));
    };
    schedule();
    this.scheduleTimer = setInterval(schedule, SCHEDULE_EVERY_MS);
    this.logger.info('background worker started');
  }

  async stop(): Promise<void> {
    this.running = false;
    if (this.scheduleTimer) {
      clearInterval(this.scheduleTimer);
      this.scheduleTimer = null;
    }
    this.wake?.();
    await this.mailLoop;
    this.mailLoop = null;
  }

  private async runMail(): Promise<void> {
    while (this.running) {
      let claimed = 0;
      try {
        claimed = await this.dispatcher.drain(() => this.running);
      } catch (error) {
        this.logger.error({ err: error }, 'mail dispatch failed');
      }
      if (claimed === 0 && this.running) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, IDLE_POLL_MS);
          this.wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
        this.wake = null;
      }
    }
  }
}

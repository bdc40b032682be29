import { Inject, Injectable, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { Client } from 'pg';
import { Observable, Subject } from 'rxjs';
import { createLogger } from '@passerelle/observability';
import { SERVICE_SCHEMA, Transaction } from '@passerelle/service-kit';
import { DayFigures, IndicatorChangeSignal } from '../../application/ports/indicator.repository';
import { Outlook, OutlookChangeSignal } from '../../application/ports/outlook.repository';

const logger = createLogger('notification').child({ component: 'indicator-changes' });
const RECONNECT_MS = 1_000;

/**
 * Changes of the figures and of the outlooks, across every instance of the service: PostgreSQL's
 * NOTIFY is sent with the transaction that made the change and heard by each instance's LISTEN
 * connection, which feeds the Server-Sent Events streams. One channel each, so a message's shape
 * is known by its channel.
 */
@Injectable()
export class PgIndicatorChanges implements IndicatorChangeSignal, OutlookChangeSignal, OnModuleInit, OnApplicationShutdown {
  private readonly channel: string;
  private readonly outlookChannel: string;
  private readonly changes = new Subject<DayFigures>();
  private readonly outlooks = new Subject<Outlook>();
  private client?: Client;
  private reconnecting?: NodeJS.Timeout;
  private closing = false;

  constructor(@Inject(SERVICE_SCHEMA) schema: string) {
    this.channel = `indicators_${schema}`;
    this.outlookChannel = `outlook_${schema}`;
  }

  async signal(tx: Transaction, figures: DayFigures): Promise<void> {
    await tx.query('SELECT pg_notify($1, $2)', [this.channel, JSON.stringify(figures)]);
  }

  async outlookChanged(tx: Transaction, outlook: Outlook): Promise<void> {
    await tx.query('SELECT pg_notify($1, $2)', [this.outlookChannel, JSON.stringify(outlook)]);
  }

  get stream(): Observable<DayFigures> {
    return this.changes.asObservable();
  }

  get outlookStream(): Observable<Outlook> {
    return this.outlooks.asObservable();
  }

  async onModuleInit(): Promise<void> {
    await this.listen();
  }

  async onApplicationShutdown(): Promise<void> {
    this.closing = true;
    clearTimeout(this.reconnecting);
    this.changes.complete();
    this.outlooks.complete();
    await this.client?.end().catch(() => undefined);
  }

  private async listen(): Promise<void> {
    const client = new Client({ connectionString: process.env.DATABASE_URL });
    client.on('notification', (message) => {
      if (!message.payload) return;
      if (message.channel === this.outlookChannel) this.outlooks.next(JSON.parse(message.payload) as Outlook);
      else this.changes.next(JSON.parse(message.payload) as DayFigures);
    });
    client.on('error', (error) => {
      logger.warn({ err: error }, 'indicator LISTEN connection lost; reconnecting');
      this.reconnect();
    });
    this.client = client;
    await client.connect();
    await client.query(`LISTEN "${this.channel}"`);
    await client.query(`LISTEN "${this.outlookChannel}"`);
  }

  private reconnect(): void {
    if (this.closing) return;
    this.client?.end().catch(() => undefined);
    clearTimeout(this.reconnecting);
    this.reconnecting = setTimeout(() => this.listen().catch(() => this.reconnect()), RECONNECT_MS);
  }
}

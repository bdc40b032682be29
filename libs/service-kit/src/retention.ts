import { AuditTrail, AuthenticatedUser } from '@passerelle/auth';
import { addMonths } from '@passerelle/domain-kernel';
import { flushAppends, rowsOf, schemaIdentifier } from '@passerelle/messaging';
import { Clock, parisDate } from './clock';
import { Transaction, UnitOfWork } from './unit-of-work';

/**
 * How long personal data outlives a closed case (DOMAIN.md: "kept for a limited time after the
 * case closes, then erased or pseudonymised"): RETENTION_MONTHS, 24 by default.
 */
export function retentionMonthsFromEnv(env: NodeJS.ProcessEnv = process.env): number {
  const months = Number(env.RETENTION_MONTHS ?? 24);
  // 0 would erase open cases' neighbours the day they close: a typo must stop the start, not erase.
  if (!Number.isInteger(months) || months < 1) throw new Error(`RETENTION_MONTHS must be a whole number of months, at least 1, got ${env.RETENTION_MONTHS}`);
  return months;
}

/** How often the retention sweep runs by itself: RETENTION_SWEEP_EVERY_MINUTES, daily by default, 0 turns it off. */
export function retentionSweepEveryMinutes(env: NodeJS.ProcessEnv = process.env): number {
  return Number(env.RETENTION_SWEEP_EVERY_MINUTES ?? 24 * 60);
}

/** A case whose personal data is due for erasure: the row that holds it and the person it is about. */
export interface ClosedCase {
  id: string;
  personId: string;
}

/**
 * What each service knows of its own data: which cases are closed since before a day, and how
 * to erase or pseudonymise one batch of them. Erased cases are never listed again (idempotence).
 */
export interface PersonalDataEraser {
  /**
   * Up to `limit` cases closed before `closedBefore` (a Europe/Paris calendar day) and not yet
   * erased, after `afterId` in id order, locked for the transaction (FOR UPDATE SKIP LOCKED): a
   * case another sweep or a consumer holds is left to the next sweep.
   */
  closedBefore(tx: Transaction, closedBefore: string, afterId: string, limit: number): Promise<ClosedCase[]>;
  /**
   * Erases or pseudonymises everything these cases hold that names the person, marking them erased
   * on `today`; returns those it erased (not already erased), the ones to audit.
   */
  erase(tx: Transaction, cases: ClosedCase[], today: string): Promise<ClosedCase[]>;
}

export interface RetentionReport {
  today: string;
  /** Cases closed before this day were due. */
  closedBefore: string;
  erased: number;
}

export interface RetentionSweepOptions {
  unitOfWork: UnitOfWork;
  audit: AuditTrail;
  clock: Clock;
  eraser: PersonalDataEraser;
  /** The audit trail's name for an erased case, e.g. `detention`. */
  resourceType: string;
  months: number;
  batch?: number;
}

/**
 * Erases the cases closed for longer than the retention period, one transaction per batch, each
 * erasure audited with the person's id (the audit keeps who did what to which file, not the file).
 */
export async function sweepClosedCases(options: RetentionSweepOptions): Promise<RetentionReport> {
  const { unitOfWork, audit, eraser, resourceType, batch = 200 } = options;
  const today = parisDate(options.clock.now());
  const closedBefore = addMonths(today, -options.months);
  let erased = 0;
  for (let afterId = ''; ; ) {
    const { cases, done } = await unitOfWork.run(async (tx) => {
      const due = await eraser.closedBefore(tx, closedBefore, afterId, batch);
      const erasedNow = await eraser.erase(tx, due, today);
      await audit.recordMany(tx, erasedNow.map(({ id, personId }) => ({ actor: 'system' as const, action: 'erase', resourceType, resourceId: id, personId })));
      return { cases: due, done: erasedNow.length };
    });
    erased += done;
    if (cases.length < batch) return { today, closedBefore, erased };
    afterId = cases[cases.length - 1].id;
  }
}

/** Everything one service holds on one person, table by table, for a subject-access request. */
export interface PersonalDataExport {
  service: string;
  personId: string;
  exportedAt: string;
  tables: Record<string, unknown[]>;
}

export interface ExportPersonOptions {
  unitOfWork: UnitOfWork;
  audit: AuditTrail;
  clock: Clock;
  service: string;
  rowsOf: (tx: Transaction, personId: string) => Promise<Record<string, unknown[]>>;
}

/** The export, audited in the same transaction as it is read (the export is itself a read of the file). */
export function exportPerson(options: ExportPersonOptions, user: AuthenticatedUser, personId: string): Promise<PersonalDataExport> {
  return options.unitOfWork.run(async (tx) => {
    await options.audit.record(tx, { actor: user, action: 'export', resourceType: 'person', resourceId: personId, personId });
    // The audit row is held until commit; written now, the export lists itself among the reads of the file.
    await flushAppends(tx);
    const tables = await options.rowsOf(tx, personId);
    return { service: options.service, personId, exportedAt: options.clock.now().toISOString(), tables };
  });
}

/**
 * The platform's own tables about a person: the events published about them (outbox, keyed by the
 * person), the events consumed about them (inbox) and every audited read and write of their file.
 */
export async function platformRowsOf(tx: Transaction, schema: string, personId: string): Promise<Record<string, unknown[]>> {
  const s = schemaIdentifier(schema);
  return {
    outbox: rowsOf(await tx.query(`SELECT * FROM ${s}.outbox WHERE partition_key = $1 ORDER BY seq`, [personId])),
    inbox: rowsOf(await tx.query(`SELECT * FROM ${s}.inbox WHERE partition_key = $1 ORDER BY handled_at, event_id`, [personId])),
    audit_log: rowsOf(await tx.query(`SELECT * FROM ${s}.audit_log WHERE person_id = $1 ORDER BY id`, [personId])),
  };
}

/**
 * Takes the named fields out of the published events about these people: the outbox keeps the
 * event (type, time, ids) for the audit, not what named the person. Unpublished rows are left to
 * the relay: they must still match their contract.
 */
export async function pseudonymiseOutbox(tx: Transaction, schema: string, personIds: string[], fields: readonly string[]): Promise<void> {
  if (personIds.length === 0) return;
  await tx.query(
    `UPDATE ${schemaIdentifier(schema)}.outbox SET data = data - $2::text[]
      WHERE partition_key = ANY($1::text[]) AND published_at IS NOT NULL AND data ?| $2::text[]`,
    [personIds, [...fields]],
  );
}

import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { AuditEntry, AuditTrail, AuthenticatedUser } from '@passerelle/auth';
import { Clock, CLOCK, Transaction, UNIT_OF_WORK, UnitOfWork } from '@passerelle/service-kit';
import { DepartementSettings } from '../domain/departement-settings';
import { Detention, NewDetention, Today } from '../domain/detention';
import { DetentionRuleError } from '../domain/detention.errors';
import { cachedSettings } from './cached-settings';
import { auditOf } from './detention-audit';
import { DetentionStore, StoreItem } from './detention-store';
import { DEPARTEMENT_SETTINGS_REPOSITORY, DepartementSettingsRepository } from './ports/departement-settings.repository';
import { DETENTION_REPOSITORY, DetentionRepository } from './ports/detention.repository';
import { todayFrom } from './today';

/** A row of the registry export, already well-formed; ids are Passerelle's, given here to new detentions. */
export type ImportedDetention = Omit<NewDetention, 'id' | 'personId'>;

export interface ImportRow {
  line: number;
  detention: ImportedDetention;
}

export interface ImportRejection {
  line: number;
  reason: string;
}

export interface ImportReport {
  created: number;
  updated: number;
  unchanged: number;
  rejected: ImportRejection[];
}

const BATCH = 500;
const DATE_REASON = 'correction';

const keyOf = (d: { establishmentCode: string; ecrou: string }) => `${d.establishmentCode}/${d.ecrou}`;

/**
 * Upserts a prison registry export by establishment and numéro d'écrou. Good rows are imported
 * even when others are bad; a row that changes nothing emits nothing, so running the same file
 * again changes nothing. Batches commit one by one, each with its events and audit records.
 */
@Injectable()
export class ImportDetentions {
  constructor(
    @Inject(UNIT_OF_WORK) private readonly unitOfWork: UnitOfWork,
    @Inject(DETENTION_REPOSITORY) private readonly detentions: DetentionRepository,
    @Inject(DEPARTEMENT_SETTINGS_REPOSITORY) private readonly settings: DepartementSettingsRepository,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly store: DetentionStore,
    private readonly audit: AuditTrail,
  ) {}

  async execute(rows: ImportRow[], malformed: ImportRejection[], actor: AuthenticatedUser): Promise<ImportReport> {
    const report: ImportReport = { created: 0, updated: 0, unchanged: 0, rejected: [...malformed] };
    const context: ImportContext = { today: todayFrom(this.clock), actor, report, settingsOf: cachedSettings(this.settings) };
    const unique = this.firstOfEachEcrou(rows, actor, report);
    for (let start = 0; start < unique.length; start += BATCH) {
      await this.unitOfWork.run((tx) => this.importBatch(tx, unique.slice(start, start + BATCH), context));
    }
    report.rejected.sort((a, b) => a.line - b.line);
    return report;
  }

  private firstOfEachEcrou(rows: ImportRow[], actor: AuthenticatedUser, report: ImportReport): ImportRow[] {
    const seen = new Map<string, number>();
    return rows.filter((row) => {
      const earlier = seen.get(keyOf(row.detention));
      if (earlier !== undefined) {
        report.rejected.push({ line: row.line, reason: `ecrou: same establishment and écrou as line ${earlier}` });
        return false;
      }
      seen.set(keyOf(row.detention), row.line);
      if (!actor.mayActOn(row.detention.spipDepartement)) {
        report.rejected.push({ line: row.line, reason: `spipDepartement: not allowed for département ${row.detention.spipDepartement}` });
        return false;
      }
      return true;
    });
  }

  /**
   * New detentions of the batch are written together (one insert, one outbox statement, one audit
   * statement); the rarer updates one by one, each with its date history.
   */
  private async importBatch(tx: Transaction, rows: ImportRow[], context: ImportContext): Promise<void> {
    const existing = await this.detentions.lockByEcrou(tx, rows.map((row) => row.detention));
    const created: StoreItem[] = [];
    const audited: AuditEntry[] = [];
    for (const { line, detention: row } of rows) {
      const settings = await context.settingsOf(tx, row.destinationDepartement ?? row.spipDepartement);
      try {
        const known = existing.get(keyOf(row));
        if (!known) created.push(this.create(row, settings, context));
        else if (await this.update(tx, known, row, settings, context)) audited.push(auditOf(known, 'update', context.actor));
      } catch (error) {
        if (!(error instanceof DetentionRuleError)) throw error;
        context.report.rejected.push({ line, reason: `${error.field}: ${error.message}` });
      }
    }
    await this.store.registerMany(tx, created);
    await this.audit.recordMany(tx, [...created.map((item) => auditOf(item.detention, 'create', context.actor)), ...audited]);
  }

  private create(row: ImportedDetention, settings: DepartementSettings, context: ImportContext): StoreItem {
    const { detention, events } = Detention.register({ ...row, id: randomUUID(), personId: randomUUID() }, context.today, settings);
    context.report.created += 1;
    return { detention, events, settings };
  }

  /** True when the row changed the detention. */
  private async update(tx: Transaction, known: Detention, row: ImportedDetention, settings: DepartementSettings, context: ImportContext): Promise<boolean> {
    const { personId, id } = known.snapshot();
    const { changed, events } = known.reconcile({ ...row, id, personId }, DATE_REASON, context.today, settings);
    if (!changed) {
      context.report.unchanged += 1;
      return false;
    }
    await this.store.save(tx, known, events, settings, `import:${context.actor.subject}`);
    context.report.updated += 1;
    return true;
  }
}

interface ImportContext {
  today: Today;
  actor: AuthenticatedUser;
  report: ImportReport;
  settingsOf: ReturnType<typeof cachedSettings>;
}

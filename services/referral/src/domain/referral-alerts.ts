import { AlertLevel, SortieSecheAlert } from './sortie-seche-alert';

/** DOMAIN.md, "Alerts that the field needs". */
export type AlertKind = 'sortie_seche_risk' | 'lsc_at_risk' | 'stalled_incomplete' | 'stalled_no_decision';

export interface AlertState {
  level: AlertLevel;
  open: boolean;
  raisedOn: string;
  resolvedOn?: string;
}

export type AlertsState = Partial<Record<AlertKind, AlertState>>;

export type AlertChange =
  | { kind: 'raised'; alert: AlertKind; level: AlertLevel }
  | { kind: 'escalated'; alert: AlertKind; from: AlertLevel; level: AlertLevel }
  | { kind: 'resolved'; alert: AlertKind; level: AlertLevel };

/** An LSC refused for lack of housing is a lost release: as serious as the last days before a sortie sèche. */
const FIXED_LEVELS: Record<Exclude<AlertKind, 'sortie_seche_risk'>, AlertLevel> = {
  lsc_at_risk: 'critical',
  stalled_incomplete: 'warning',
  stalled_no_decision: 'warning',
};

/** The open and past alerts of one request: each kind at most once open at a time. */
export class ReferralAlerts {
  constructor(private readonly state: AlertsState) {}

  snapshot(): AlertsState {
    return structuredClone(this.state);
  }

  isOpen(kind: AlertKind): boolean {
    return this.state[kind]?.open === true;
  }

  /** The highest level among open alerts, what a caseload sorts and filters on. */
  highestOpenLevel(): AlertLevel | undefined {
    const order: AlertLevel[] = ['critical', 'warning', 'watch'];
    const open = Object.values(this.state).filter((alert) => alert?.open).map((alert) => alert!.level);
    return order.find((level) => open.includes(level));
  }

  /** A release milestone with no confirmed placement raises the risk, or escalates it (never lowers it). */
  milestoneReached(daysBefore: number, today: string): AlertChange[] {
    const current = this.state.sortie_seche_risk;
    const alert = SortieSecheAlert.restore(current?.level, current ? !current.open : false);
    const change = alert.milestoneReached(daysBefore, false);
    if (!change) return [];
    const level = alert.current.level!;
    if (change.kind === 'raised') {
      this.state.sortie_seche_risk = { level, open: true, raisedOn: today };
      return [{ kind: 'raised', alert: 'sortie_seche_risk', level }];
    }
    this.state.sortie_seche_risk = { ...current!, level };
    return change.kind === 'escalated' ? [{ kind: 'escalated', alert: 'sortie_seche_risk', from: change.from, level }] : [];
  }

  raise(kind: Exclude<AlertKind, 'sortie_seche_risk'>, today: string): AlertChange[] {
    if (this.isOpen(kind)) return [];
    const level = FIXED_LEVELS[kind];
    this.state[kind] = { level, open: true, raisedOn: today };
    return [{ kind: 'raised', alert: kind, level }];
  }

  resolve(kinds: readonly AlertKind[], today: string): AlertChange[] {
    return kinds.filter((kind) => this.isOpen(kind)).map((kind) => {
      const alert = this.state[kind]!;
      this.state[kind] = { ...alert, open: false, resolvedOn: today };
      return { kind: 'resolved', alert: kind, level: alert.level };
    });
  }

  resolveAll(today: string): AlertChange[] {
    return this.resolve(Object.keys(this.state) as AlertKind[], today);
  }
}

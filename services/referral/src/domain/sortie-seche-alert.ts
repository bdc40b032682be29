/** How close the release is with nothing confirmed: watch (≈90 days), warning (≈30), critical (≈7). */
export type AlertLevel = 'watch' | 'warning' | 'critical';

const RANK: Record<AlertLevel, number> = { watch: 1, warning: 2, critical: 3 };

/** The level a milestone calls for: the département's milestones may differ from 90/30/7/1. */
export function alertLevelFor(daysBefore: number): AlertLevel {
  if (daysBefore <= 7) return 'critical';
  if (daysBefore <= 30) return 'warning';
  return 'watch';
}

export type AlertChange =
  | { kind: 'raised'; level: AlertLevel }
  | { kind: 'escalated'; from: AlertLevel; level: AlertLevel }
  | { kind: 'resolved'; level: AlertLevel };

/**
 * The risk of a sortie sèche for one person: raised at the first milestone without a confirmed
 * placement, escalated (never lowered) at the next ones, resolved when a placement is confirmed.
 */
export class SortieSecheAlert {
  private constructor(
    private level: AlertLevel | undefined,
    private resolved: boolean,
  ) {}

  static none(): SortieSecheAlert {
    return new SortieSecheAlert(undefined, false);
  }

  static restore(level: AlertLevel | undefined, resolved: boolean): SortieSecheAlert {
    return new SortieSecheAlert(level, resolved);
  }

  get current(): { level: AlertLevel | undefined; resolved: boolean } {
    return { level: this.level, resolved: this.resolved };
  }

  /** A milestone passed; nothing happens when a placement is confirmed or the level is already as high. */
  milestoneReached(daysBefore: number, placementConfirmed: boolean): AlertChange | undefined {
    if (placementConfirmed) return undefined;
    const wanted = alertLevelFor(daysBefore);
    if (this.level === undefined || this.resolved) {
      this.level = wanted;
      this.resolved = false;
      return { kind: 'raised', level: wanted };
    }
    if (RANK[wanted] <= RANK[this.level]) return undefined;
    const from = this.level;
    this.level = wanted;
    return { kind: 'escalated', from, level: wanted };
  }

  placementConfirmed(): AlertChange | undefined {
    if (this.level === undefined || this.resolved) return undefined;
    this.resolved = true;
    return { kind: 'resolved', level: this.level };
  }
}

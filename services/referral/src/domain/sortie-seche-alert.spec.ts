import { alertLevelFor, SortieSecheAlert } from './sortie-seche-alert';

describe('SortieSecheAlert', () => {
  it('maps milestones to levels, whatever the département’s days', () => {
    expect([120, 90, 60, 30, 14, 7, 1].map(alertLevelFor)).toEqual(['watch', 'watch', 'watch', 'warning', 'warning', 'critical', 'critical']);
  });

  it('is raised at the first milestone, escalated at the next ones, never lowered nor repeated', () => {
    const alert = SortieSecheAlert.none();
    expect(alert.milestoneReached(90, false)).toEqual({ kind: 'raised', level: 'watch' });
    expect(alert.milestoneReached(90, false)).toBeUndefined();
    expect(alert.milestoneReached(30, false)).toEqual({ kind: 'escalated', from: 'watch', level: 'warning' });
    expect(alert.milestoneReached(7, false)).toEqual({ kind: 'escalated', from: 'warning', level: 'critical' });
    expect(alert.milestoneReached(1, false)).toBeUndefined();
    expect(alert.current).toEqual({ level: 'critical', resolved: false });
  });

  it('is raised straight at the level due when the first milestone seen is a late one (short sentence)', () => {
    expect(SortieSecheAlert.none().milestoneReached(7, false)).toEqual({ kind: 'raised', level: 'critical' });
  });

  it('is resolved by a confirmed placement, and not raised while one holds', () => {
    const alert = SortieSecheAlert.none();
    alert.milestoneReached(30, false);
    expect(alert.placementConfirmed()).toEqual({ kind: 'resolved', level: 'warning' });
    expect(alert.placementConfirmed()).toBeUndefined();
    expect(alert.milestoneReached(7, true)).toBeUndefined();
  });

  it('is raised again when the placement falls through after it was resolved', () => {
    const alert = SortieSecheAlert.restore('warning', true);
    expect(alert.milestoneReached(7, false)).toEqual({ kind: 'raised', level: 'critical' });
  });

  it('has nothing to resolve when none was raised', () => {
    expect(SortieSecheAlert.none().placementConfirmed()).toBeUndefined();
  });
});

import { Flow } from '../../domain/indicators/indicator-effects';

const FLOWS: readonly Flow[] = [
  'detentions_registered', 'requests_opened', 'requests_submitted', 'requests_oriented', 'placements_confirmed', 'people_entered', 'sorties_seches',
];

/** Where `departement` ($1) has intervals of `table` that overlap the days $2 to $3: still open, or closed after $2. */
const overlapping = (table: string, columns: string) => `
  SELECT ${columns} FROM ${table} WHERE departement = $1 AND to_day IS NULL AND from_day <= $3
  UNION ALL SELECT ${columns} FROM ${table} WHERE departement = $1 AND to_day > $2 AND from_day <= $3`;

/**
 * A stock moves on the day an interval starts (the span's first day for one open before it) and on
 * the day it ends; its value on a day is the running sum of the moves up to that day.
 */
const moves = (intervals: string, extra: string) => `
  SELECT GREATEST(from_day, $2::date) AS day, 1 AS delta${extra} FROM ${intervals}
  UNION ALL SELECT to_day, -1${extra} FROM ${intervals} WHERE to_day <= $3`;

/**
 * One département's figures for every day from $2 to $3. Why not a count per day: a count of the
 * intervals open on a day reads the département's whole history, once per day of the span. Here
 * the history is read once: the intervals that overlap the span, each structure's places as they
 * stood on its first day, and what changed within it.
 */
export function figuresQuery(s: string): string {
  return `WITH days AS (SELECT d::date AS day FROM generate_series($2::date, $3::date, interval '1 day') AS d),
  windows AS MATERIALIZED (${overlapping(`${s}.indicator_windows`, 'from_day, to_day')}),
  alerts AS MATERIALIZED (${overlapping(`${s}.indicator_alerts`, 'from_day, to_day, level, kind')}),
  window_moves AS (SELECT day, sum(delta) AS delta FROM (${moves('windows', '')}) m GROUP BY day),
  alert_moves AS (
    SELECT day, sum(delta) FILTER (WHERE level = 'watch') AS watch, sum(delta) FILTER (WHERE level = 'warning') AS warning,
      sum(delta) FILTER (WHERE level = 'critical') AS critical, sum(delta) FILTER (WHERE kind = 'lsc_at_risk') AS lsc
    FROM (${moves('alerts', ', level, kind')}) m GROUP BY day),
  flows AS (
    SELECT day, ${FLOWS.map((flow) => `count(*) FILTER (WHERE flow = '${flow}') AS ${flow}`).join(', ')}
    FROM ${s}.indicator_flows WHERE departement = $1 AND day BETWEEN $2 AND $3 GROUP BY day),
  to_submission AS (
    SELECT submitted_on AS day, percentile_cont(0.5) WITHIN GROUP (ORDER BY submitted_on - opened_on) AS median FROM ${s}.indicator_milestones
    WHERE departement = $1 AND submitted_on BETWEEN $2 AND $3 AND opened_on IS NOT NULL GROUP BY submitted_on),
  to_orientation AS (
    SELECT oriented_on AS day, percentile_cont(0.5) WITHIN GROUP (ORDER BY oriented_on - submitted_on) AS median FROM ${s}.indicator_milestones
    WHERE departement = $1 AND oriented_on BETWEEN $2 AND $3 AND submitted_on IS NOT NULL GROUP BY oriented_on),
  places AS MATERIALIZED (
    (SELECT DISTINCT ON (structure_id) structure_id, as_of, seq, reserved, occupied FROM ${s}.indicator_places
     WHERE departement = $1 AND as_of <= $2 ORDER BY structure_id, as_of DESC, seq DESC)
    UNION ALL SELECT structure_id, as_of, seq, reserved, occupied FROM ${s}.indicator_places WHERE departement = $1 AND as_of > $2 AND as_of <= $3)
  SELECT to_char(days.day, 'YYYY-MM-DD') AS day,
    COALESCE(f.detentions_registered, 0)::int AS "detentionsRegistered",
    (sum(COALESCE(wm.delta, 0)) OVER running)::int AS "detentionsInWindow",
    COALESCE(f.requests_opened, 0)::int AS "requestsOpened", COALESCE(f.requests_submitted, 0)::int AS "requestsSubmitted",
    COALESCE(f.requests_oriented, 0)::int AS "requestsOriented", COALESCE(f.placements_confirmed, 0)::int AS "placementsConfirmed",
    COALESCE(f.people_entered, 0)::int AS "peopleEntered", COALESCE(f.sorties_seches, 0)::int AS "sortiesSeches",
    (sum(COALESCE(am.watch, 0)) OVER running)::int AS "openAlertsWatch", (sum(COALESCE(am.warning, 0)) OVER running)::int AS "openAlertsWarning",
    (sum(COALESCE(am.critical, 0)) OVER running)::int AS "openAlertsCritical", (sum(COALESCE(am.lsc, 0)) OVER running)::int AS "lscAtRisk",
    ts.median AS "medianDaysWindowToSubmission", tor.median AS "medianDaysSubmissionToOrientation",
    COALESCE(p.reserved, 0)::int AS "reservedPlaces", COALESCE(p.occupied, 0)::int AS "reservedPlacesOccupied"
  FROM days
  LEFT JOIN flows f ON f.day = days.day
  LEFT JOIN window_moves wm ON wm.day = days.day
  LEFT JOIN alert_moves am ON am.day = days.day
  LEFT JOIN to_submission ts ON ts.day = days.day
  LEFT JOIN to_orientation tor ON tor.day = days.day
  LEFT JOIN LATERAL (
    SELECT sum(latest.reserved) AS reserved, sum(latest.occupied) AS occupied FROM (
      SELECT DISTINCT ON (structure_id) reserved, occupied FROM places WHERE as_of <= days.day ORDER BY structure_id, as_of DESC, seq DESC) latest) p ON true
  WINDOW running AS (ORDER BY days.day)
  ORDER BY days.day`;
}

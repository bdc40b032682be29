/** One dated step of a story: who did what, and the events it caused as the webhooks told them. */
export interface TimelineStep {
  /** The day in the story (Europe/Paris), the services' "today" when it happened. */
  day: string;
  actor: string;
  what: string;
  /** Event types (without version) received by webhook about the person after this step. */
  events: string[];
}

/** The steps of one story, in the order they happened. */
export class Timeline {
  readonly steps: TimelineStep[] = [];

  add(day: string, actor: string, what: string, events: string[] = []): TimelineStep {
    const step = { day, actor, what, events };
    this.steps.push(step);
    return step;
  }
}

/** The timeline as text: one line per step, its events indented under it. */
export function formatTimeline(title: string, steps: TimelineStep[]): string {
  const actorWidth = Math.max(...steps.map((step) => step.actor.length), 5);
  const lines = [title, '-'.repeat(title.length)];
  for (const step of steps) {
    lines.push(`${step.day}  ${step.actor.padEnd(actorWidth)}  ${step.what}`);
    if (step.events.length > 0) lines.push(`${' '.repeat(12 + actorWidth)}→ ${step.events.join(', ')}`);
  }
  return lines.join('\n');
}

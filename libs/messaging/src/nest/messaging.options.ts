export interface MessagingOptions {
  /** Service name: CloudEvents source `/passerelle/<service>` and Kafka client id. */
  service: string;
  /** Database schema holding the service's outbox and inbox. */
  schema: string;
  /** Topics this service publishes to; created with their DLQ at start if missing. */
  produces: string[];
  /** Consumer group; defaults to `passerelle.<service>`. */
  groupId?: string;
}

export const MESSAGING_OPTIONS = Symbol('MESSAGING_OPTIONS');
export const KAFKA = Symbol('KAFKA');
export const RELAY_POOL = Symbol('RELAY_POOL');
/**
 * The service's clock, when the service provides one: the outbox dates each event by it, so an event
 * a moved clock caused (a demo, a test letting days pass) carries that day, as its effects do.
 */
export const OUTBOX_CLOCK = Symbol('OUTBOX_CLOCK');

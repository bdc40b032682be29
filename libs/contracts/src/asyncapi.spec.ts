import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AsyncAPIDocumentInterface, DiagnosticSeverity, MessageInterface, Parser } from '@asyncapi/parser';
import { getMetadataStorage, IsUUID } from 'class-validator';
import { EVENT_CATALOG } from './catalog';
import { AnyEventDescriptor, defineEvent } from './event-descriptor';
import { detentionRegisteredV1 } from './release-calendar/detention-registered.v1';
import { deadLetterTopicOf, Topics } from './topics';

const DOCUMENT_PATH = join(__dirname, '../../../docs/asyncapi/passerelle.asyncapi.yaml');
const CLOUD_EVENT_HEADERS = ['ce_id', 'ce_source', 'ce_type', 'ce_specversion', 'ce_time', 'ce_correlationid', 'content-type'];

async function parseDocument(): Promise<AsyncAPIDocumentInterface> {
  const { document, diagnostics } = await new Parser().parse(readFileSync(DOCUMENT_PATH, 'utf8'));
  const errors = diagnostics.filter((diagnostic) => diagnostic.severity === DiagnosticSeverity.Error);
  if (errors.length > 0 || !document) {
    throw new Error(`invalid AsyncAPI document:\n${errors.map((e) => `${e.path.join('.')}: ${e.message}`).join('\n')}`);
  }
  return document;
}

function payloadPropertiesOf(descriptor: AnyEventDescriptor): string[] {
  const metadatas = getMetadataStorage().getTargetValidationMetadatas(descriptor.payload, '', true, false);
  return [...new Set(metadatas.map((metadata) => metadata.propertyName))];
}

/** `required` of a JSON Schema, including those of its `allOf` parts. */
function requiredOf(schema: unknown): string[] {
  if (typeof schema !== 'object' || schema === null) return [];
  const { required, allOf } = schema as { required?: string[]; allOf?: unknown[] };
  return [...(required ?? []), ...(allOf ?? []).flatMap(requiredOf)];
}

function checkMessage(document: AsyncAPIDocumentInterface, descriptor: AnyEventDescriptor, message: MessageInterface): string[] {
  const problems: string[] = [];
  const documented = Object.keys(message.payload()?.properties() ?? {});
  for (const property of payloadPropertiesOf(descriptor)) {
    if (!documented.includes(property)) problems.push(`${descriptor.type}: payload property "${property}" is not documented`);
  }
  const missingHeaders = CLOUD_EVENT_HEADERS.filter((header) => !requiredOf(message.headers()?.json()).includes(header));
  if (missingHeaders.length > 0) problems.push(`${descriptor.type}: headers schema does not require ${missingHeaders.join(', ')}`);
  const kafka = message.bindings().get('kafka')?.value() as { key?: unknown } | undefined;
  if (!kafka?.key) problems.push(`${descriptor.type}: no Kafka binding with the record key`);
  const sent = document.operations().all().some((operation) =>
    operation.action() === 'send' && operation.messages().all().some((m) => m.name() === descriptor.type));
  if (!sent) problems.push(`${descriptor.type}: no send operation`);
  return problems;
}

/**
 * Everything the catalog and topics promise that the AsyncAPI document does not say: each event on
 * the channel of its topic with every payload property, and each topic with its `.dlq` twin.
 */
function undocumented(document: AsyncAPIDocumentInterface, catalog: readonly AnyEventDescriptor[], topics: readonly string[]): string[] {
  const channel = (address: string) => document.channels().all().find((c) => c.address() === address);
  const problems: string[] = [];
  for (const topic of topics) {
    if (!channel(topic)) problems.push(`topic ${topic} has no channel`);
    if (!channel(deadLetterTopicOf(topic))) problems.push(`topic ${topic} has no ${deadLetterTopicOf(topic)} channel`);
  }
  for (const descriptor of catalog) {
    const message = channel(descriptor.topic)?.messages().all().find((m) => m.name() === descriptor.type);
    if (!message) {
      problems.push(`${descriptor.type} is not a message of channel ${descriptor.topic}`);
      continue;
    }
    problems.push(...checkMessage(document, descriptor, message));
  }
  return problems;
}

describe('AsyncAPI document', () => {
  let document: AsyncAPIDocumentInterface;
  const topics = Object.values(Topics);

  beforeAll(async () => {
    document = await parseDocument();
  });

  it('documents every event of the catalog and every topic with its dead-letter twin', () => {
    expect(undocumented(document, EVENT_CATALOG, topics)).toEqual([]);
  });

  it('documents no event type that the catalog does not declare', () => {
    const eventTypes = topics.flatMap((topic) =>
      document.channels().all().filter((c) => c.address() === topic).flatMap((c) => c.messages().all().map((m) => m.name())));
    expect(eventTypes.sort()).toEqual(EVENT_CATALOG.map((descriptor) => descriptor.type).sort());
  });

  it('reports an event added to the catalog without being documented', () => {
    class PersonMovedV1 {
      @IsUUID() personId!: string;
    }
    const personMovedV1 = defineEvent({
      name: 'release-calendar.person.moved', version: 1, topic: Topics.releaseCalendar, payload: PersonMovedV1, key: (e) => e.personId,
    });

    expect(undocumented(document, [...EVENT_CATALOG, personMovedV1], topics)).toEqual([
      'release-calendar.person.moved.v1 is not a message of channel release-calendar.events',
    ]);
  });

  it('reports a payload property missing from the documented schema', () => {
    class DetentionRegisteredWithCaseworkerV1 extends detentionRegisteredV1.payload {
      @IsUUID() caseworkerId!: string;
    }
    const widened = { ...detentionRegisteredV1, payload: DetentionRegisteredWithCaseworkerV1 };

    expect(undocumented(document, [widened], topics)).toEqual([
      'release-calendar.detention.registered.v1: payload property "caseworkerId" is not documented',
    ]);
  });

  it('reports a topic without a channel or a dead-letter channel', () => {
    expect(undocumented(document, [], [...topics, 'ghost.events'])).toEqual([
      'topic ghost.events has no channel',
      'topic ghost.events has no ghost.events.dlq channel',
    ]);
  });
});

import { DataSourceOptions } from 'typeorm';

/** What a service tells the kit about itself; everything else comes from the environment. */
export interface ServiceDefinition {
  name: string;
  defaultPort: number;
  /** Its own PostgreSQL schema (overridable with DATABASE_SCHEMA, which tests use). */
  schema: string;
  entities: NonNullable<DataSourceOptions['entities']>;
  migrations: NonNullable<DataSourceOptions['migrations']>;
  /** Topics the service publishes to. */
  produces: string[];
  description: string;
}

export function schemaOf(definition: ServiceDefinition, env: NodeJS.ProcessEnv = process.env): string {
  return env.DATABASE_SCHEMA ?? definition.schema;
}

import { Role } from '@passerelle/auth';

/** One operation of a service's OpenAPI document, as the hostile-input tests see it. */
export interface Operation {
  method: string;
  path: string;
  /** The operation reads a request body (its OpenAPI document says so). */
  hasBody: boolean;
  /** It may receive one: every POST, PUT and PATCH goes through the body parser. */
  parsesBody: boolean;
  /** The roles that may call it (`x-roles`); undefined when any signed-in user may. */
  roles?: Role[];
  /** Top-level body fields that hold a calendar date or an instant. */
  dateFields: Array<{ name: string; instant: boolean }>;
}

interface Schema {
  $ref?: string;
  type?: string;
  format?: string;
  example?: unknown;
  properties?: Record<string, Schema>;
}

interface OpenApiDocument {
  paths: Record<string, Record<string, { requestBody?: { content?: Record<string, { schema?: Schema }> }; 'x-roles'?: Role[] }>>;
  components?: { schemas?: Record<string, Schema> };
}

/** Every `/v1/` operation of the service's OpenAPI document (`/docs-json`). */
export async function operationsOf(baseUrl: string): Promise<Operation[]> {
  const document = (await (await fetch(`${baseUrl}/docs-json`)).json()) as OpenApiDocument;
  return Object.entries(document.paths)
    .filter(([path]) => path.startsWith('/v1/'))
    .flatMap(([path, methods]) => Object.entries(methods).map(([method, spec]) => ({
      method: method.toUpperCase(),
      path,
      hasBody: spec.requestBody !== undefined,
      parsesBody: ['POST', 'PUT', 'PATCH'].includes(method.toUpperCase()),
      roles: spec['x-roles'],
      dateFields: dateFieldsOf(resolve(document, spec.requestBody?.content?.['application/json']?.schema)),
    })));
}

function resolve(document: OpenApiDocument, schema: Schema | undefined): Schema | undefined {
  if (!schema?.$ref) return schema;
  return document.components?.schemas?.[schema.$ref.split('/').pop() ?? ''];
}

/** A date field says so by its format, or by its example (the services' DTOs give one). */
function dateFieldsOf(schema: Schema | undefined): Operation['dateFields'] {
  return Object.entries(schema?.properties ?? {}).flatMap(([name, property]): Operation['dateFields'] => {
    const example = typeof property.example === 'string' ? property.example : '';
    if (property.format === 'date' || /^\d{4}-\d{2}-\d{2}$/.test(example)) return [{ name, instant: false }];
    if (property.format === 'date-time' || /^\d{4}-\d{2}-\d{2}T/.test(example)) return [{ name, instant: true }];
    return [];
  });
}

import { Ajv, type Options } from 'ajv';
import addFormats from 'ajv-formats';
import type { FastifySchemaCompiler } from 'fastify';

function createAjv(options: Options): Ajv {
  const ajv = new Ajv({ allErrors: false, useDefaults: true, removeAdditional: false, strict: false, ...options });
  addFormats.default(ajv);
  return ajv;
}

// Query strings and path parameters arrive as text, so they are coerced ("2" → 2). Bodies are
// JSON and must already have the right types: a string where a number belongs is a 400.
const coercing = createAjv({ coerceTypes: 'array' });
const exact = createAjv({ coerceTypes: false });

export const validatorCompiler: FastifySchemaCompiler<object> = ({ schema, httpPart }) =>
  (httpPart === 'body' ? exact : coercing).compile(schema);

interface SchemaError {
  keyword: string;
  instancePath: string;
  message?: string;
  params: Record<string, unknown>;
}

/** Turns the first schema violation into a sentence that names the offending field. */
export function formatSchemaErrors(errors: SchemaError[], part: string): Error {
  const first = errors[0];
  if (!first) return new Error(`${part} is invalid`);
  const path = part + first.instancePath.replace(/\//g, '.');
  if (first.keyword === 'additionalProperties') {
    return new Error(`${path}.${String(first.params.additionalProperty)} is not an allowed field`);
  }
  if (first.keyword === 'required') {
    return new Error(`${path}.${String(first.params.missingProperty)} is required`);
  }
  return new Error(`${path} ${first.message ?? 'is invalid'}`);
}

import { AjvJsonSchemaValidator } from '@modelcontextprotocol/sdk/validation/ajv';
import type { JsonSchemaType, JsonSchemaValidator, jsonSchemaValidator } from '@modelcontextprotocol/sdk/validation';

// The chat builds a new in-process MCP Client every turn; the SDK's default validator compiles every tool's
// output schema with Ajv on each tools/list, which the benchmark profile showed as ~30% of a turn's CPU.
// The schemas are the same every turn, so each distinct one is compiled once per process.
const MAX_SCHEMAS = 256;

/** A JSON Schema validator for MCP clients that compiles each distinct schema once and reuses it. */
export class MemoizingSchemaValidator implements jsonSchemaValidator {
  private readonly compiled = new Map<string, JsonSchemaValidator<unknown>>();

  constructor(private readonly inner: jsonSchemaValidator = new AjvJsonSchemaValidator()) {}

  /** The validator for a schema, compiled on first sight. */
  getValidator<T>(schema: JsonSchemaType): JsonSchemaValidator<T> {
    const key = JSON.stringify(schema);
    let validate = this.compiled.get(key);
    if (!validate) {
      validate = this.inner.getValidator<unknown>(schema);
      if (this.compiled.size < MAX_SCHEMAS) this.compiled.set(key, validate);
    }
    const check = validate;
    return (input) => {
      const result = check(input);
      // Validation is what establishes T at run time; the compiled validator is shared across T's.
      return result.valid ? { valid: true, data: result.data as T, errorMessage: undefined } : result;
    };
  }
}

/** One validator shared by every in-process MCP client of this process. */
export const sharedSchemaValidator = new MemoizingSchemaValidator();

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AjvJsonSchemaValidator } from '@modelcontextprotocol/sdk/validation/ajv';
import type { JsonSchemaType } from '@modelcontextprotocol/sdk/validation';
import { MemoizingSchemaValidator } from '../../src/mcp/schema-validator.js';

test('each distinct schema is compiled once, and validation still accepts and rejects correctly', () => {
  const ajv = new AjvJsonSchemaValidator();
  let compiles = 0;
  const validator = new MemoizingSchemaValidator({
    getValidator: <T>(schema: JsonSchemaType) => {
      compiles += 1;
      return ajv.getValidator<T>(schema);
    },
  });
  const schema = (): JsonSchemaType => ({ type: 'object', properties: { task_id: { type: 'integer' } }, required: ['task_id'] });
  const first = validator.getValidator<{ task_id: number }>(schema());
  const second = validator.getValidator<{ task_id: number }>(schema());
  assert.equal(compiles, 1, 'an equal schema from a new tools/list is not compiled again');
  assert.deepEqual(first({ task_id: 3 }), { valid: true, data: { task_id: 3 }, errorMessage: undefined });
  const bad = second({ task_id: 'x' });
  assert.equal(bad.valid, false);
  assert.match(bad.errorMessage ?? '', /integer/);
  validator.getValidator({ type: 'string' });
  assert.equal(compiles, 2, 'a different schema is compiled');
});

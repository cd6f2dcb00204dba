import * as assert from 'node:assert/strict';
import { lint } from '../helpers/ruleTester';
import { registerText, onProtocol } from '../helpers/registerText';

describe('register models', () => {
  it('the test register is clean against the test protocol', () => {
    assert.deepEqual(
      lint(registerText(), onProtocol()).map((f) => `${f.range.start.line + 1} ${f.ruleId} ${f.message}`),
      [],
    );
  });
});

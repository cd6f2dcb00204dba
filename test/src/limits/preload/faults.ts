/**
 * Test-only fault injection, loaded into the language server process with
 * `node --require` (through NODE_OPTIONS) by recovery.integration.test.ts; nothing in the
 * product reads it. It wraps the service's lintText so that checking a
 * document whose text contains ROLE_PROTOCOLS_FAULT_MARKER fails the way
 * ROLE_PROTOCOLS_FAULT says:
 *   throw   - the analysis throws (a bug in one rule, say);
 *   fatal   - an uncaught exception reaches the process while checking;
 *   kill    - the process dies at once, as the out-of-memory killer would do it;
 *   slow    - the analysis takes 1.5 s (a slow document, not a hang);
 *   rule-throws  - the `mpe-involvement` rule throws (a bug in one rule): the
 *                  engine itself is left as it is;
 *   tight-budget - the rules get 1 ms instead of the default budget, so a
 *                  document with real work runs out of time.
 */
import * as path from 'node:path';

const marker = process.env.ROLE_PROTOCOLS_FAULT_MARKER;
const fault = process.env.ROLE_PROTOCOLS_FAULT;
if (marker && fault) {
  /* eslint-disable @typescript-eslint/no-require-imports -- loaded into another process before the server, by path */
  // The compiled server's lint module: the server looks lintText up on it at each call.
  const lint = require(path.resolve(__dirname, '../../../../server/out/service/engine/lint')) as { lintText: (text: string, options?: unknown) => unknown };
  const real = lint.lintText;
  if (fault === 'rule-throws') {
    const rules = require(path.resolve(__dirname, '../../../../server/out/service/rules/index')) as {
      ruleById: Map<string, { check: (context: { text: string }) => unknown }>;
    };
    /* eslint-enable @typescript-eslint/no-require-imports */
    const rule = rules.ruleById.get('mpe-involvement')!;
    const check = rule.check;
    rule.check = (context) => {
      if (context.text.includes(marker)) throw new TypeError("injected fault: Cannot read properties of undefined (reading 'phase')");
      return check(context);
    };
  }
  lint.lintText = (text: string, options?: unknown) => {
    if (fault === 'tight-budget' && text.includes(marker)) return real(text, { ...(options as object), limits: { rulesMs: 1 } });
    if (text.includes(marker)) {
      switch (fault) {
        case 'throw':
          throw new Error('injected fault: this document breaks the analysis');
        case 'fatal':
          (process.emit as (event: string, ...args: unknown[]) => boolean)('uncaughtException', new Error('injected fatal fault'), 'uncaughtException');
          break;
        case 'kill':
          process.kill(process.pid, 'SIGKILL');
          break;
        case 'slow': {
          const until = Date.now() + 1500;
          while (Date.now() < until) {
            // busy: the server is single-threaded, as a slow analysis would make it
          }
          break;
        }
      }
    }
    return real(text, options);
  };
}

/**
 * What one check of one document may cost: how many findings it shows and
 * how long its rules may run. A document that breaks these is still shown as
 * failing: the findings not shown are counted in one closing finding per rule,
 * and rules not run are named in one `document-limits` finding.
 */

/** Findings of one rule shown for one document; the rest are counted, not shown. */
export const MAX_FINDINGS_PER_RULE = 200;
/** Findings shown for one document, all rules together (the closing findings come on top). */
export const MAX_FINDINGS_PER_DOCUMENT = 1000;
/**
 * How long the rules of one check may run, in ms. The rules of the bench's
 * 50,000-line protocol take about 60 ms and a typical protocol's under 1 ms,
 * so only a document that makes a rule's work explode reaches it.
 */
export const RULES_BUDGET_MS = 2000;

export interface CheckLimits {
  findingsPerRule: number;
  findingsPerDocument: number;
  rulesMs: number;
  /** The clock, in ms; tests give one that advances as they choose. */
  now: () => number;
}

export const DEFAULT_CHECK_LIMITS: CheckLimits = {
  findingsPerRule: MAX_FINDINGS_PER_RULE,
  findingsPerDocument: MAX_FINDINGS_PER_DOCUMENT,
  rulesMs: RULES_BUDGET_MS,
  now: () => performance.now(),
};

/** Thrown by `Budget.check` inside a rule when the time is up; the engine catches it. */
export class BudgetExhausted extends Error {
  constructor() {
    super('the time for checking this document is up');
  }
}

/**
 * The time the rules of one check may take. The engine asks between rules;
 * a rule that loops over a product (steps × roles × skills) calls `check()`
 * once per outer step, which throws when the time is up.
 */
export class Budget {
  private readonly deadline: number;
  constructor(
    ms: number,
    private readonly now: () => number,
  ) {
    this.deadline = now() + ms;
  }

  get exhausted(): boolean {
    return this.now() > this.deadline;
  }

  /** Throws BudgetExhausted when the time is up. */
  check(): void {
    if (this.exhausted) throw new BudgetExhausted();
  }
}

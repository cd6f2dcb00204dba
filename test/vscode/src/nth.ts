import * as assert from 'node:assert/strict';

/**
 * `items[index]` (counted from the end when negative), or the test fails
 * saying which index was missing: for results the test expects to be there,
 * such as the first finding or a regular expression's group.
 */
export function nth<T>(items: ArrayLike<T>, index: number): T {
  const item = index < 0 ? items[items.length + index] : items[index];
  assert.ok(item !== undefined, `expected an entry at index ${index} of ${items.length}`);
  return item;
}

import * as assert from 'node:assert/strict';
import { didYouMean, kebabId } from '../../../server/out/service/util/suggest';
import { builtInConfusables, skeleton, type ConfusableSource } from '../../../server/out/service/util/confusables';
import { CONFUSABLE_PAIRS } from '../../../server/out/service/util/confusablesTable';

describe('did you mean: look-alikes (Unicode TR39 skeleton)', () => {
  it('reads look-alike letters as what they look like, drops invisible characters, folds case, fullwidth and mathematical forms', () => {
    assert.equal(skeleton('\u0430dapter'), 'adapter'); // Cyrillic а
    assert.equal(skeleton('adap\u200Dter'), 'adapter'); // zero-width joiner
    assert.equal(skeleton('\u039F\u03BD\u03BF'), 'ovo'); // Greek Ο ν ο
    assert.equal(skeleton('\uFF21\uFF24\uFF21\uFF30\uFF34\uFF25\uFF32'), 'adapter'); // fullwidth
    assert.equal(skeleton('\u{1D41A}dapter'), 'adapter'); // mathematical bold a
    assert.equal(skeleton('advanced\u2010adapter'), 'advanced-adapter'); // U+2010 HYPHEN
    assert.equal(skeleton('Advanced Adapter'), 'advanced adapter');
  });

  it('prefers the candidate that looks the same over one as near by edit distance', () => {
    // `рlan` with a Cyrillic р is one edit from both; it looks like only one of them.
    assert.equal(didYouMean('\u0440lan', ['clan', 'plan']), 'plan');
    assert.equal(didYouMean('\u0440\u04BB\u0443\u0455\u0456\u0441\u0456\u0455t', ['adapter', 'physicist']), 'physicist');
  });

  it('turns look-alike text into the id it stands for, and leaves text in another script alone', () => {
    assert.equal(kebabId('\u0430dapter'), 'adapter');
    assert.equal(kebabId('adap\u200Dter'), 'adapter');
    assert.equal(kebabId('Advanced Adapter'), 'advanced-adapter');
    assert.equal(kebabId('Adapt\u00E9r'), 'adapter');
    assert.equal(kebabId('\u0440\u0430\u0434\u0438\u043E\u0433\u0440\u0430\u0444'), ''); // a Russian word, not a look-alike
  });

  it('takes its look-alike data from any source given', () => {
    const onlyX: ConfusableSource = { prototypeOf: (cp) => (cp === 0x2715 ? 'x' : undefined) }; // ✕ MULTIPLICATION X
    assert.equal(skeleton('\u2715-ray', onlyX), 'x-ray');
    assert.equal(skeleton('\u0430', onlyX), '\u0430');
    assert.equal(didYouMean('\u2715-ray', ['x-ray', 'y-ray'], onlyX), 'x-ray');
  });

  it('has a generated table of non-ASCII characters mapped to ASCII prototypes', () => {
    const pairs = CONFUSABLE_PAIRS.split(';').map((p) => p.split(':'));
    assert.ok(pairs.length > 300, `${pairs.length} pairs`);
    for (const [hex, prototype] of pairs as [string, string][]) {
      assert.ok(parseInt(hex, 16) > 0x7f, hex);
      assert.match(prototype, /^[a-z0-9 -]+$/, hex);
    }
    for (const [character, prototype] of [
      ['\u0430', 'a'],
      ['\u03BF', 'o'],
      ['\u0456', 'i'],
      ['\u2010', '-'],
    ] as [string, string][])
      assert.equal(builtInConfusables.prototypeOf(character.codePointAt(0)!), prototype, character);
  });
});

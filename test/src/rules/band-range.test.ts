import { describeRule, span } from '../helpers/ruleTester';
import { protocolText, SECTIONS } from '../helpers/protocolText';

const adapterBands = (min: string, max: string) =>
  protocolText({ roles: SECTIONS.roles.replace('    minBand: 6\n    maxBand: 7\n', `    minBand: ${min}\n    maxBand: ${max}\n`) });

const inverted = adapterBands('7', '6');
const letteredInverted = adapterBands('8c', '8a');
const nineBelow = adapterBands('9', '8d');
const numberAboveLetter = adapterBands('8a', '7');

describeRule('band-range', {
  valid: [
    { name: 'minimum below maximum', text: protocolText() },
    { name: 'minimum equal to maximum', text: adapterBands('7', '7') },
    { name: 'lettered bands in order', text: adapterBands('8a', '8c') },
    { name: 'a number below a lettered band', text: adapterBands('7', '8b') },
    { name: 'band 9 above 8d', text: adapterBands('8d', '9') },
    { name: 'a value outside the vocabulary is left to the schema', text: adapterBands('10', '7') },
    { name: 'a quoted band is left to the schema', text: adapterBands('"8"', '7') },
  ],
  invalid: [
    {
      name: 'numeric bands the wrong way round',
      text: inverted,
      errors: [{ ...span(inverted, '6', 'maxBand: '), message: 'Role `adapter` has `minBand` 7 above `maxBand` 6; swap them or correct one.' }],
    },
    {
      name: 'lettered bands the wrong way round',
      text: letteredInverted,
      errors: [{ ...span(letteredInverted, '8a', 'maxBand: '), message: 'Role `adapter` has `minBand` 8c above `maxBand` 8a; swap them or correct one.' }],
    },
    {
      name: 'band 9 above 8d',
      text: nineBelow,
      errors: [{ ...span(nineBelow, '8d', 'maxBand: '), message: 'Role `adapter` has `minBand` 9 above `maxBand` 8d; swap them or correct one.' }],
    },
    {
      name: 'a lettered minimum above a numeric maximum',
      text: numberAboveLetter,
      errors: [{ ...span(numberAboveLetter, '7', 'maxBand: '), message: 'Role `adapter` has `minBand` 8a above `maxBand` 7; swap them or correct one.' }],
    },
  ],
});

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { REPOSITORY_URL } from '../../server/out/service/rules/docs';

/**
 * The README and CHANGELOG as the Visual Studio Marketplace shows them. vsce
 * rewrites every relative link when it packages the .vsix: an image to
 * `<repository>/raw/HEAD/<path>`, any other link to `<repository>/blob/HEAD/<path>`
 * (the repository is package.json's, which a test in manifest.test.ts holds
 * to REPOSITORY_URL), and it refuses images that are not HTTPS, SVG images
 * and SVG tags. So the pictures are PNG files in this repository, kept small,
 * and found by the Marketplace at the repository's address; they need not be
 * in the .vsix. These tests run vsce's own processors on the files.
 */
const ROOT = path.resolve(__dirname, '../..');
/** Where a Marketplace page loads a picture of ours from, kept small for it. */
const MAX_IMAGE_BYTES = 200 * 1024;

interface ProcessedFile {
  path: string;
  contents: Buffer;
}
interface Processor {
  onFile(file: { path: string; contents: Buffer }): Promise<ProcessedFile>;
}
// eslint-disable-next-line @typescript-eslint/no-require-imports -- vsce's packaging module, the code `npm run package` runs
const vsce = require('@vscode/vsce/out/package') as {
  ReadmeProcessor: new (manifest: object, options: object) => Processor;
  ChangelogProcessor: new (manifest: object, options: object) => Processor;
};
const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as object;

async function asPackaged(file: 'README.md' | 'CHANGELOG.md'): Promise<string> {
  const Processor = file === 'README.md' ? vsce.ReadmeProcessor : vsce.ChangelogProcessor;
  const processed = await new Processor(manifest, {}).onFile({ path: `extension/${file.toLowerCase()}`, contents: fs.readFileSync(path.join(ROOT, file)) });
  return processed.contents.toString('utf8');
}

/** Markdown links and images: [text](target) and ![alt](target). */
const links = (markdown: string): { image: boolean; target: string }[] =>
  [...markdown.matchAll(/(!?)\[(?:[^\][]*|!\[[^\][]*\]\([^)]+\))\]\(([^)\s]+)\)/g)].map((m) => ({ image: m[1] === '!', target: m[2]! }));

describe('the Marketplace page (README and CHANGELOG as vsce packages them)', () => {
  it('packages the README: every picture is a small PNG in this repository, loaded from the repository over HTTPS', async () => {
    const source = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    const packaged = await asPackaged('README.md');
    const images = links(source).filter((l) => l.image);
    assert.ok(images.length >= 1, 'the README shows the extension at work');
    assert.doesNotMatch(source, /<img|<svg/i, 'pictures are Markdown images, which vsce rewrites');
    for (const { target } of images) {
      assert.ok(!/^\w+:/.test(target), `${target}: a picture of ours is a file in this repository`);
      const file = path.join(ROOT, target);
      assert.ok(fs.existsSync(file), `${target} does not exist`);
      assert.match(target, /\.png$/, `${target}: PNG (the Marketplace refuses SVG)`);
      const bytes = fs.readFileSync(file);
      assert.equal(bytes.subarray(1, 4).toString('latin1'), 'PNG', `${target} is not a PNG`);
      assert.ok(bytes.length < MAX_IMAGE_BYTES, `${target} is ${Math.round(bytes.length / 1024)} KB; keep it under ${MAX_IMAGE_BYTES / 1024} KB (pngquant)`);
      assert.ok(packaged.includes(`](${REPOSITORY_URL}/raw/HEAD/${target})`), `${target} is not loaded from ${REPOSITORY_URL}`);
    }
  });

  it('packages the README: every other relative link names a file of the repository, and none is left relative', async () => {
    const source = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    const relative = links(source).filter((l) => !l.image && !/^(\w+:|#)/.test(l.target));
    assert.ok(relative.length >= 5);
    for (const { target } of relative) assert.ok(fs.existsSync(path.join(ROOT, target.replace(/#.*$/, ''))), `${target} does not exist`);
    const packaged = await asPackaged('README.md');
    for (const { target } of links(packaged)) assert.match(target, /^(https:\/\/|#|mailto:)/, `${target} is still relative in the packaged README`);
    // vsce links "#123" to an issue of the repository: the README has none by accident.
    assert.doesNotMatch(packaged, /\/issues\/\d+/);
  });

  it('packages the CHANGELOG without relative links or stray issue links', async () => {
    const packaged = await asPackaged('CHANGELOG.md');
    for (const { target } of links(packaged)) assert.match(target, /^(https:\/\/|#)/, target);
    assert.doesNotMatch(packaged, /\/issues\/\d+/);
  });

  it('refuses what the Marketplace refuses (so the tests above mean something)', async () => {
    const refused = (markdown: string) => new vsce.ReadmeProcessor(manifest, {}).onFile({ path: 'extension/readme.md', contents: Buffer.from(markdown) });
    await assert.rejects(refused('![x](http://example.org/x.png)'), /HTTPS/);
    await assert.rejects(refused('![x](docs/images/x.svg)'), /SVG/);
    const rewritten = await refused('![x](docs/images/preview.png)');
    assert.equal(rewritten.contents.toString('utf8'), `![x](${REPOSITORY_URL}/raw/HEAD/docs/images/preview.png)`);
  });
});

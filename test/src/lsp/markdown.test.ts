import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { CompletionList, Hover, MarkupContent } from 'vscode-languageserver-protocol/node';
import { FIXTURES, SAMPLES, TestClient } from './client';

const REFERENCE = fs.readFileSync(path.join(SAMPLES, 'reference-department.roles.yaml'), 'utf8');

/**
 * A title written to attack whoever reads it in an editor: a remote image
 * (a tracking pixel when the hover renders), a command link, raw HTML, an
 * autolink, emphasis and a code span that tries to close early.
 */
const HOSTILE =
  'Advanced ![t](https://example.invalid/track.png) [x](command:workbench.action.terminal.new) <img src=x onerror=alert(1)> <https://example.invalid> www.example.invalid *a* `b';
const TEXT = REFERENCE.replace('    title: Advanced Adapter\n', `    title: ${JSON.stringify(HOSTILE)}\n`).replace(
  '    approves: [advanced-adapter]\n    skills: [dir-evaluation]',
  '    approves: [advanced-adapter]\n    agrees: []\n    skills: [dir-evaluation]',
);

/** markdown-it, as a Markdown viewer renders: HTML allowed, bare links linked. */
interface MarkdownIt {
  render(markdown: string): string;
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const MarkdownItFactory = require('markdown-it') as (options: { html: boolean; linkify: boolean }) => MarkdownIt;
const renderer = MarkdownItFactory({ html: true, linkify: true });

/** The text a reader sees: the rendered HTML without its tags, entities decoded. */
function shown(html: string): string {
  return html
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
}

/** The Markdown holds no image, link or HTML of the document's making, and shows the title as written. */
function assertInert(markdown: string): void {
  assert.doesNotMatch(markdown, /(?<!\\)!\[|(?<!\\)\]\(|(?<!\\)<img/, markdown);
  const html = renderer.render(markdown);
  assert.doesNotMatch(html, /<img|<a[\s>]/, html);
  assert.ok(shown(html).includes(HOSTILE), `the title is not shown as written in:\n${html}`);
}

describe('lsp: document text in Markdown', () => {
  let client: TestClient;
  let uri: string;

  before(async () => {
    client = await TestClient.start({ initializationOptions: { roleProtocols: { diagnostics: { debounceMs: 0 } } } });
    uri = await client.open(path.join(FIXTURES, 'markdown.roles.yaml'), TEXT);
    await client.pushed(uri);
  });
  after(() => client.stop());

  it('a hover on a role shows its title as text: no image fetched, no link, no HTML', async () => {
    const hover = await client.request<Hover>('textDocument/hover', {
      textDocument: { uri },
      position: client.at(uri, 'advanced-adapter', 2, 'id: oar-approval'),
    });
    const contents = hover.contents as MarkupContent;
    assert.equal(contents.kind, 'markdown');
    assertInert(contents.value);
    // Our own Markdown still renders: the title is bold, the id a code span.
    assert.match(renderer.render(contents.value), /^<p><strong>Advanced .*<\/strong> \(role <code>advanced-adapter<\/code>\)<\/p>/);
  });

  it('a hover shows a bidirectional control in a title by its code instead of letting it reorder the text', async () => {
    const trojan = await client.open(
      path.join(FIXTURES, 'markdown-bidi.roles.yaml'),
      REFERENCE.replace('    title: Advanced Adapter\n', '    title: "Advanced \\u202Eretpada\\u202C"\n'),
    );
    await client.pushed(trojan);
    const hover = await client.request<Hover>('textDocument/hover', {
      textDocument: { uri: trojan },
      position: client.at(trojan, 'advanced-adapter', 2, 'id: oar-approval'),
    });
    const value = (hover.contents as MarkupContent).value;
    assert.match(value, /^\*\*Advanced ⟨U\+202E⟩retpada⟨U\+202C⟩\*\* \(role `advanced-adapter`\)/);
    assert.doesNotMatch(value, /\p{Bidi_Control}/u);
  });

  it('completion documentation for a role id shows its title as text', async () => {
    const list = await client.request<CompletionList>('textDocument/completion', {
      textDocument: { uri },
      position: client.at(uri, 'agrees: []', 9, 'id: oar-approval'),
    });
    const item = list.items.find((i) => i.label === 'advanced-adapter');
    assert.ok(item, `no completion for advanced-adapter in ${list.items.map((i) => i.label).join(', ')}`);
    assert.equal(item.detail, HOSTILE, 'detail is plain text, shown as written');
    const documentation = item.documentation as MarkupContent;
    assert.equal(documentation.kind, 'markdown');
    assertInert(documentation.value);
  });

  it('a client that takes plain text gets the title without escapes, in hovers and completion documentation', async () => {
    const plain = await TestClient.start({ initializationOptions: { roleProtocols: { diagnostics: { debounceMs: 0 } } }, markupFormats: ['plaintext'] });
    try {
      const plainUri = await plain.open(path.join(FIXTURES, 'markdown-plain.roles.yaml'), TEXT);
      await plain.pushed(plainUri);
      const hover = await plain.request<Hover>('textDocument/hover', {
        textDocument: { uri: plainUri },
        position: plain.at(plainUri, 'advanced-adapter', 2, 'id: oar-approval'),
      });
      const contents = hover.contents as MarkupContent;
      assert.equal(contents.kind, 'plaintext');
      assert.ok(contents.value.includes(HOSTILE), contents.value);
      const list = await plain.request<CompletionList>('textDocument/completion', {
        textDocument: { uri: plainUri },
        position: plain.at(plainUri, 'agrees: []', 9, 'id: oar-approval'),
      });
      const documentation = list.items.find((i) => i.label === 'advanced-adapter')?.documentation;
      assert.equal(documentation, `Role **${HOSTILE}**`);
    } finally {
      await plain.stop();
    }
  });
});

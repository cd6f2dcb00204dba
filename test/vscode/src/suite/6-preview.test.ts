import * as assert from 'assert/strict';
import * as path from 'path';
import * as vscode from 'vscode';
import {
  activateExtension,
  closeAll,
  edit,
  nextHandled,
  rangeOf,
  rangeText,
  renderedTable,
  replaceText,
  sample,
  show,
  tablesPreview,
  waitForRender,
  workspaceFolder,
  type RenderedReport,
  type TablesPreviewApi,
} from '../helpers';
import { nth } from '../nth';

const REFERENCE = 'reference-department.roles.yaml';
/** The panels' webview type (`TABLES_VIEW_TYPE` in client/src/preview/tablesPreview.ts). */
const TABLES_VIEW_TYPE = 'roleProtocols.tables';
const TITLES = ['Training matrix', 'Roles and responsibilities', 'Responsibility matrix', 'Training coverage by site', 'Sites', 'Training governance'];

/** The training matrix of the reference department, as DOMAIN.md writes it. */
const REFERENCE_TRAINING = [
  ['Adapter', 'OAR outlining', 'ProKnow Contouring Tool', 'ProKnow log and certificates'],
  ['Advanced adapter', 'Target outlining', 'ProKnow Contouring Tool, 1:1 with CCOs', 'Reflective training logs'],
  ['Adapter and Advanced Adapter', 'DIR evaluation', 'Tutorial', 'Certificate'],
  ['Advanced adapter, MPE', 'Plan selection', 'Training program for plan checking plus experience of at least 2 years', 'Plan Checking training records'],
  ['Advanced adapter, MPE', 'Mobius approval', 'Training program', 'Training records'],
];

/** The page's answer to `probe`: what its DOM holds (client/media/preview.js). */
interface Probe {
  images: number;
  frames: number;
  links: number;
  scriptsInBody: number;
  handlerAttributes: number;
  injectedFlag: string | null;
  bodyText: string;
  theme: string;
  foreground: string;
  background: string;
  gapCells: string[];
  violations: string[];
  savedState: unknown;
}

/** The webview tabs of the tables panels, with the column each is in. */
function tablesTabs(): { tab: vscode.Tab; column: vscode.ViewColumn }[] {
  return vscode.window.tabGroups.all.flatMap((g) =>
    g.tabs
      .filter((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith('roleProtocols.tables'))
      .map((tab) => ({ tab, column: g.viewColumn })),
  );
}

/** The tables tabs once they satisfy `predicate`: now, or on a change of the tabs (the workbench reports them a moment after a panel opens). */
function tabsSettle(predicate: (tabs: ReturnType<typeof tablesTabs>) => boolean, what: string, timeoutMs = 10_000): Promise<ReturnType<typeof tablesTabs>> {
  return new Promise((resolve, reject) => {
    if (predicate(tablesTabs())) return resolve(tablesTabs());
    const timer = setTimeout(() => {
      subscription.dispose();
      reject(
        new Error(
          `Timed out after ${timeoutMs} ms waiting for ${what}; the tabs are: ${tablesTabs()
            .map((t) => t.tab.label)
            .join(', ')}`,
        ),
      );
    }, timeoutMs);
    const subscription = vscode.window.tabGroups.onDidChangeTabs(() => {
      if (!predicate(tablesTabs())) return;
      subscription.dispose();
      clearTimeout(timer);
      resolve(tablesTabs());
    });
  });
}

function columnOf(uri: vscode.Uri): vscode.ViewColumn | undefined {
  return vscode.window.tabGroups.all.find((g) => g.tabs.some((t) => t.input instanceof vscode.TabInputText && t.input.uri.toString() === uri.toString()))
    ?.viewColumn;
}

describe('tables preview (webview)', () => {
  let preview: TablesPreviewApi;
  before(async () => {
    preview = await tablesPreview();
  });
  afterEach(closeAll);
  // Left open for the screenshot the harness takes when the run ends (--screenshot):
  // a gap made in the reference department, its cell clicked, the coverage table in view.
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeSidebar');
    await vscode.commands.executeCommand('workbench.action.closePanel');
    const { document, uri } = await openPreview(preview, sample(REFERENCE));
    await replaceText(document, 'roles: [adapter]', 'roles: [advanced-adapter]', '\ntraining:');
    const report = await waitForRender(preview, uri, (r) => renderedTable(r, 'coverage').gaps > 0 && r.banner !== null, 'the gap');
    const row = renderedTable(report, 'coverage').rows.findIndex((r) => nth(r, 4).startsWith('No:'));
    const revealed = nextHandled(preview, 'reveal');
    await preview.askPage(uri, 'click', { table: 'coverage', row, col: 4 });
    await revealed;
    await preview.askPage(uri, 'scroll', { table: 'coverage' });
  });

  it('opens beside the protocol, keeps the focus in the editor, and is reused when asked again', async () => {
    const { document } = await show(sample(REFERENCE));
    const uri = await vscode.commands.executeCommand<vscode.Uri>('roleProtocols.showTables');
    assert.equal(uri?.toString(), document.uri.toString());
    const panel = preview.panelFor(uri);
    assert.ok(panel, 'no panel');
    assert.equal(panel.title, `Tables: ${REFERENCE}`);
    await waitForRender(preview, uri, (r) => r.tables.length === TITLES.length, 'every table');
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), document.uri.toString(), 'the focus stays in the protocol');
    let tabs = await tabsSettle((t) => t.length === 1, 'the tables tab');
    assert.equal(nth(tabs, 0).tab.label, `Tables: ${REFERENCE}`);
    assert.notEqual(nth(tabs, 0).column, columnOf(document.uri), 'the panel is beside the protocol, not over it');

    // The title-bar button passes the file; the same panel comes back.
    await vscode.commands.executeCommand('roleProtocols.showTables', document.uri);
    assert.equal(preview.panelFor(uri), panel);
    tabs = tablesTabs();
    assert.equal(tabs.length, 1);

    // Another protocol gets a panel of its own.
    const other = sample('radiographer-led.roles.yaml');
    await vscode.commands.executeCommand('roleProtocols.showTables', other);
    assert.ok(preview.panelFor(other));
    assert.notEqual(preview.panelFor(other), panel);
    await tabsSettle((tabs) => tabs.length === 2, 'a second tables tab');
    assert.deepEqual(
      tablesTabs()
        .map((t) => t.tab.label)
        .sort(),
      ['Tables: radiographer-led.roles.yaml', `Tables: ${REFERENCE}`],
    );
  });

  it('comes back after a reload: a panel restored with its page’s saved state follows its protocol again', async () => {
    const { uri } = await openPreview(preview, sample(REFERENCE));
    // What the page saved is what VS Code hands back to the serializer after a reload.
    const saved = ((await preview.askPage(uri, 'probe')) as Probe).savedState;
    assert.equal((saved as { model?: { documentUri?: string } })?.model?.documentUri, uri.toString());
    preview.panelFor(uri)!.dispose();
    await tabsSettle((tabs) => tabs.length === 0, 'the panel closed');
    // A panel as VS Code restores it: the view type, the old title, default options.
    const restored = vscode.window.createWebviewPanel(TABLES_VIEW_TYPE, 'restored', { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, {});
    assert.equal(preview.restore(restored, saved), true);
    assert.equal(preview.panelFor(uri), restored);
    const report = await waitForRender(preview, uri, (r) => r.tables.length === TITLES.length, 'every table in the restored panel');
    assert.deepEqual(renderedTable(report, 'training').rows, REFERENCE_TRAINING);
    assert.equal(restored.title, `Tables: ${REFERENCE}`);
    assert.equal(restored.webview.options.enableScripts, true);
    assert.equal(restored.webview.options.enableCommandUris, false);
    // A state that names no protocol (or another scheme) closes the panel instead.
    for (const state of [undefined, { model: { documentUri: 'https://example.org/x.roles.yaml' } }, { model: { documentUri: uri.toString() } }]) {
      const stray = vscode.window.createWebviewPanel(TABLES_VIEW_TYPE, 'stray', { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, {});
      let closed = false;
      stray.onDidDispose(() => (closed = true));
      assert.equal(preview.restore(stray, state), false, JSON.stringify(state));
      assert.equal(closed, true, `the panel for ${JSON.stringify(state)} is closed`);
    }
  });

  it('has a strict Content Security Policy with a nonce, scripts only from it, resources only from the media folder', async () => {
    const { uri } = await openPreview(preview, sample(REFERENCE));
    const panel = preview.panelFor(uri)!;
    const extension = await activateExtension();
    assert.equal(panel.webview.options.enableScripts, true);
    assert.deepEqual(
      panel.webview.options.localResourceRoots?.map((u) => u.toString()),
      [vscode.Uri.joinPath(extension.extensionUri, 'client', 'media').toString()],
    );
    const html = panel.webview.html;
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1];
    assert.ok(csp, html);
    const nonce = /'nonce-([A-Za-z0-9+/=]{16,})'/.exec(csp)?.[1];
    assert.ok(nonce, csp);
    assert.match(csp, /^default-src 'none'; /);
    assert.ok(csp.includes(`style-src ${panel.webview.cspSource} 'nonce-${nonce}'`), csp);
    assert.ok(csp.includes(`script-src 'nonce-${nonce}'`), csp);
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval|data:|https?:\/\/(?!\S*vscode)/);
    // Every script carries the nonce; no inline handler, no remote resource. A development build
    // also loads the tests' hooks (preview-test.js); the .vsix suite checks the package has none.
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
    assert.equal(scripts.length, 2);
    assert.ok(
      scripts.every((s) => s.includes(`nonce="${nonce}"`)),
      scripts.join('\n'),
    );
    assert.doesNotMatch(html, /\son[a-z]+\s*=/i);
    // The only resources: the page's stylesheet and script, from the media folder, as webview URIs.
    const media = vscode.Uri.joinPath(extension.extensionUri, 'client', 'media');
    const resources = [...html.matchAll(/\s(?:src|href)="([^"]*)"/g)].map((m) => m[1]).sort();
    assert.deepEqual(
      resources,
      ['preview.css', 'preview.js', 'preview-test.js'].map((f) => panel.webview.asWebviewUri(vscode.Uri.joinPath(media, f)).toString()).sort(),
    );
    // The page ran under that policy and nothing it holds was refused.
    const probe = (await preview.askPage(uri, 'probe')) as Probe;
    assert.deepEqual(probe.violations, []);
  });

  it('shows every table: the training matrix row for row, the matrix with its legend, coverage without gaps', async () => {
    const { uri, report } = await openPreview(preview, sample(REFERENCE));
    assert.equal(report.heading, `Summary tables: ${REFERENCE}`);
    assert.deepEqual(
      report.tables.map((t) => t.title),
      TITLES,
    );
    assert.equal(report.banner, null);
    const training = renderedTable(report, 'training');
    assert.deepEqual(training.columns, ['Role', 'Skill', 'Method', 'Record']);
    assert.deepEqual(training.rows, REFERENCE_TRAINING);
    const matrix = renderedTable(report, 'matrix');
    assert.deepEqual(matrix.columns, ['Step', 'Adapter', 'Advanced Adapter', 'MPE', 'Clinical Oncologist']);
    assert.deepEqual(
      matrix.rows.find((r) => r[0] === 'Independent dose check (Mobius)'),
      ['Independent dose check (Mobius)', '', 'PA', 'A', ''],
    );
    assert.deepEqual(matrix.legend, ['P: performs', 'E: edits', 'A: approves', 'G: agrees', 'S: supports', 'R: reviews', 'MPE: Physicist']);
    const coverage = renderedTable(report, 'coverage');
    assert.equal(coverage.gaps, 0);
    assert.match(coverage.summary ?? '', /No gaps/);
    // Every cell the server made is on the page, in its place.
    const client = ((await activateExtension()).exports as { client: { sendRequest<T>(method: string, params: unknown): Promise<T> } }).client;
    const data = await client.sendRequest<{ id: string; columns: string[]; rows: { text: string }[][] }[]>('roleProtocols/tables', {
      uri: uri.toString(),
      format: 'data',
    });
    let cells = 0;
    for (const table of data) {
      const shown = renderedTable(report, table.id);
      assert.deepEqual(shown.columns, table.columns, table.id);
      assert.deepEqual(
        shown.rows,
        table.rows.map((row) => row.map((c) => c.text)),
        table.id,
      );
      cells += table.rows.reduce((n, row) => n + row.length, 0);
    }
    assert.ok(cells > 100, `only ${cells} cells`);
  });

  it('updates as you type, debounced, and keeps its scroll position', async () => {
    const { document, uri, report } = await openPreview(preview, sample(REFERENCE));
    const scrolled = (await preview.askPage(uri, 'scroll', { y: 400 })) as { scrollY: number; scrollHeight: number; innerHeight: number };
    assert.ok(scrolled.scrollY > 0, `the page does not scroll: ${JSON.stringify(scrolled)}`);
    // Typed a character at a time: "Adapter" becomes "Online Adapter".
    const at = document.getText().indexOf('title: Adapter\n') + 'title: '.length;
    const typed = 'Online ';
    for (let i = 0; i < typed.length; i++) await edit((e) => e.insert(document.uri, document.positionAt(at + i), typed.charAt(i)));
    const after = await waitForRender(preview, uri, (r) => renderedTable(r, 'roles').rows.some((row) => row[0] === 'Online Adapter'), 'the renamed role');
    assert.ok(renderedTable(after, 'matrix').columns.includes('Online Adapter'));
    assert.equal(after.scrollY, scrolled.scrollY, 'the scroll position is kept');
    const updates = after.generation - report.generation;
    assert.ok(updates >= 1 && updates < typed.length, `${updates} updates for ${typed.length} keystrokes: not debounced`);
  });

  it('marks a gap by sign, words and class, shows the errors banner with a way to the Problems view, and turns clean when fixed', async () => {
    const { document, uri } = await openPreview(preview, sample(REFERENCE));
    // The adapter's OAR outlining training row now trains the advanced adapter instead.
    await replaceText(document, 'roles: [adapter]', 'roles: [advanced-adapter]', '\ntraining:');
    const gap = await waitForRender(
      preview,
      uri,
      (r) => renderedTable(r, 'coverage').gaps > 0 && /may be incomplete/.test(r.banner ?? ''),
      'a coverage gap and the errors banner',
    );
    const coverage = renderedTable(gap, 'coverage');
    const gapRows = coverage.rows.filter((row) => nth(row, 4).startsWith('No: missing'));
    assert.equal(coverage.gaps, gapRows.length);
    assert.deepEqual([...new Set(gapRows.map((row) => `${row[2]}: ${row[4]}`))], ['Adapter: No: missing OAR outlining']);
    assert.match(coverage.summary ?? '', /^\u26A0 \d+ gaps?: /);
    assert.match(gap.banner ?? '', /This protocol has \d+ errors?, so the tables may be incomplete\. Show problems$/);
    const probe = (await preview.askPage(uri, 'probe')) as Probe;
    assert.ok(probe.gapCells.length > 0 && probe.gapCells.every((text) => text.startsWith('\u26A0 No: missing')), probe.gapCells.join(' | '));

    const handled = nextHandled(preview, 'showProblems');
    assert.deepEqual(await preview.askPage(uri, 'click', { selector: 'show-problems' }), { clicked: true, text: 'Show problems' });
    assert.equal((await handled).ok, true);

    await replaceText(document, 'roles: [advanced-adapter]', 'roles: [adapter]', '\ntraining:');
    const clean = await waitForRender(preview, uri, (r) => renderedTable(r, 'coverage').gaps === 0 && r.banner === null, 'clean coverage and no banner');
    assert.match(renderedTable(clean, 'coverage').summary ?? '', /No gaps/);
  });

  it('keeps the last tables, and says why, while the document does not parse', async () => {
    const { document, uri, report } = await openPreview(preview, sample(REFERENCE));
    await replaceText(document, 'training:\n', 'training: [\n');
    const broken = await waitForRender(
      preview,
      uri,
      (r) => /could not be updated/.test(r.banner ?? '') && /may be incomplete/.test(r.banner ?? ''),
      'the banner about the syntax error',
    );
    assert.match(broken.banner ?? '', /fix the syntax error first/);
    assert.deepEqual(renderedTable(broken, 'training').rows, renderedTable(report, 'training').rows, 'the last tables stay');
    await replaceText(document, 'training: [\n', 'training:\n');
    await waitForRender(preview, uri, (r) => r.banner === null, 'the banner to go');
  });

  it('reveals and selects the source of a clicked cell', async () => {
    const { document, uri, report } = await openPreview(preview, sample(REFERENCE));
    let handled = nextHandled(preview, 'reveal');
    assert.deepEqual(await preview.askPage(uri, 'click', { table: 'training', row: 0, col: 1 }), { clicked: true, text: 'OAR outlining' });
    assert.equal((await handled).ok, true);
    let editor = vscode.window.activeTextEditor;
    assert.equal(editor?.document.uri.toString(), document.uri.toString());
    assert.equal(rangeText(editor.selection), rangeText(rangeOf(document, 'oar-outlining', '\ntraining:')));

    // A letter of the responsibility matrix: the role named in that part of the step.
    const matrix = renderedTable(report, 'matrix');
    const row = matrix.rows.findIndex((r) => r[0] === 'Approve OARs edited by the adapter');
    const col = matrix.columns.indexOf('Advanced Adapter');
    handled = nextHandled(preview, 'reveal');
    assert.deepEqual(await preview.askPage(uri, 'click', { table: 'matrix', row, col }), { clicked: true, text: 'A' });
    assert.equal((await handled).ok, true);
    editor = vscode.window.activeTextEditor;
    assert.equal(editor?.document.uri.toString(), document.uri.toString());
    assert.equal(rangeText(editor.selection), rangeText(rangeOf(document, 'advanced-adapter', 'id: oar-approval')));
    assert.equal(document.getText(editor.selection), 'advanced-adapter');
  });

  it('works with includes: catalogue roles are shown and reveal in the catalogue', async () => {
    const protocol = sample('shared-catalogue/prostate.roles.yaml');
    const { uri, report } = await openPreview(preview, protocol);
    assert.deepEqual(renderedTable(report, 'training').rows[0], [
      'Adapter and Advanced Adapter',
      'OAR outlining',
      'ProKnow Contouring Tool',
      'ProKnow log and certificates',
    ]);
    const roles = renderedTable(report, 'roles');
    const row = roles.rows.findIndex((r) => r[0] === 'Physicist');
    assert.ok(row >= 0, JSON.stringify(roles.rows));
    const handled = nextHandled(preview, 'reveal');
    assert.equal(((await preview.askPage(uri, 'click', { table: 'roles', row, col: 0 })) as { clicked: boolean }).clicked, true);
    assert.equal((await handled).ok, true);
    const editor = vscode.window.activeTextEditor;
    const catalogue = sample('shared-catalogue/department.catalogue.yaml');
    assert.equal(editor?.document.uri.toString(), catalogue.toString());
    assert.equal(rangeText(editor.selection), rangeText(rangeOf(editor.document, 'Physicist', 'id: physicist')));
  });

  it('shows a hostile document as text: no element, handler or script from the document gets into the page', async () => {
    const extension = await activateExtension();
    const fixture = await vscode.workspace.fs.readFile(
      vscode.Uri.file(path.join(extension.extensionPath, 'test', 'fixtures', 'exports', 'hostile.roles.yaml')),
    );
    // The fixture, plus payloads that would set a flag if they ever ran (alert() is blocked in a webview either way).
    const text = new TextDecoder()
      .decode(fixture)
      .replace('title: Physicist "MPE"', 'title: "<svg onload=window.rpInjected=1><img src=x onerror=window.rpInjected=2>"')
      .replace('- "Line one\\nline two"', '- "<script>window.rpInjected=3</script><iframe srcdoc=x></iframe>"');
    assert.match(text, /rpInjected=3/);
    const copy = vscode.Uri.joinPath(workspaceFolder(), 'hostile', 'hostile.roles.yaml');
    await vscode.workspace.fs.writeFile(copy, new TextEncoder().encode(text));
    const { uri, report } = await openPreview(preview, copy);

    const roles = renderedTable(report, 'roles');
    assert.deepEqual(
      roles.rows.map((r) => r[0]),
      ['<img src=x onerror=alert(1)>', '<svg onload=window.rpInjected=1><img src=x onerror=window.rpInjected=2>', 'Clinical Oncologist – Ü'],
    );
    // The last column, Responsibilities (after the IR(ME)R entitlement and core training).
    assert.equal(
      nth(nth(roles.rows, 0), 7),
      'Edit OARs </td></tr></table><script>alert(3)</script>; <script>window.rpInjected=3</script><iframe srcdoc=x></iframe>',
    );
    assert.ok(renderedTable(report, 'matrix').rows.some((r) => r[0] === '<a href="https://example.org/x">Edit</a> OARs'));
    assert.equal(renderedTable(report, 'coverage').gaps, 1);

    const probe = (await preview.askPage(uri, 'probe')) as Probe;
    assert.equal(probe.images, 0, 'no <img> or <svg> element');
    assert.equal(probe.frames, 0, 'no <iframe> or <object>');
    assert.equal(probe.links, 0, 'no link');
    assert.equal(probe.scriptsInBody, 0, 'no <script> but the page’s own');
    assert.equal(probe.handlerAttributes, 0, 'no on… attribute');
    assert.equal(probe.injectedFlag, null, 'no injected handler ran');
    assert.deepEqual(probe.violations, [], 'nothing the policy had to refuse');
    for (const shown of ['<img src=x onerror=alert(1)>', '</td></tr></table><script>alert(3)</script>', '=SUM(1,2)', 'Bladder & bowel <u>'])
      assert.ok(probe.bodyText.includes(shown), shown);
  });

  it('follows the colour theme through its CSS variables (high contrast)', async () => {
    const { uri } = await openPreview(preview, sample(REFERENCE));
    const before = (await preview.askPage(uri, 'probe')) as Probe;
    assert.match(before.theme, /vscode-(light|dark)/);
    const config = vscode.workspace.getConfiguration('workbench');
    const themeChanged = new Promise<void>((resolve) => {
      const sub = vscode.window.onDidChangeActiveColorTheme(() => {
        sub.dispose();
        resolve();
      });
    });
    await config.update('colorTheme', 'Default High Contrast', vscode.ConfigurationTarget.Global);
    try {
      await themeChanged;
      assert.equal(vscode.window.activeColorTheme.kind, vscode.ColorThemeKind.HighContrast);
      // The page gets the theme by a message of VS Code's own: ask until it has it, bounded.
      let probe = before;
      const deadline = Date.now() + 10_000;
      while (!/vscode-high-contrast/.test(probe.theme) && Date.now() < deadline) probe = (await preview.askPage(uri, 'probe')) as Probe;
      assert.match(probe.theme, /vscode-high-contrast/);
      assert.equal(probe.foreground, 'rgb(255, 255, 255)');
      assert.equal(probe.background, 'rgb(0, 0, 0)');
      assert.notEqual(`${probe.foreground} ${probe.background}`, `${before.foreground} ${before.background}`);
    } finally {
      await config.update('colorTheme', undefined, vscode.ConfigurationTarget.Global);
    }
  });

  it('keeps its tables and scroll position when hidden and shown again', async () => {
    const { uri } = await openPreview(preview, sample(REFERENCE));
    const panel = preview.panelFor(uri)!;
    const scrolled = (await preview.askPage(uri, 'scroll', { y: 300 })) as { scrollY: number };
    assert.ok(scrolled.scrollY > 0);
    // Another editor in the panel's group hides it (its page is discarded: no retainContextWhenHidden).
    const hidden = new Promise<void>((resolve) => {
      const sub = panel.onDidChangeViewState(() => {
        if (panel.visible) return;
        sub.dispose();
        resolve();
      });
    });
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(sample('physicist-present.roles.yaml')), {
      viewColumn: panel.viewColumn,
      preview: false,
    });
    await hidden;
    const back = waitForRender(
      preview,
      uri,
      (r) => r.tables.length === TITLES.length && r.scrollY === scrolled.scrollY,
      'the tables at the same scroll position',
    );
    await vscode.commands.executeCommand('roleProtocols.showTables', uri);
    await back;
  });
});

/** Opens a protocol, then its tables panel; resolves once the page has rendered every table. */
async function openPreview(preview: TablesPreviewApi, file: vscode.Uri): Promise<{ document: vscode.TextDocument; uri: vscode.Uri; report: RenderedReport }> {
  const { document } = await show(file);
  const uri = await vscode.commands.executeCommand<vscode.Uri>('roleProtocols.showTables', document.uri);
  assert.equal(uri?.toString(), document.uri.toString());
  const report = await waitForRender(preview, uri, (r) => r.tables.length === TITLES.length, 'every table');
  return { document, uri, report };
}

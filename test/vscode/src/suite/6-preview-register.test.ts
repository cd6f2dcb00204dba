import * as assert from 'assert/strict';
import * as vscode from 'vscode';
import { closeAll, nextHandled, renderedTable, replaceText, sample, show, tablesPreview, waitForRender, type TablesPreviewApi } from '../helpers';

// Runs just before 6-preview.test.ts (the name sorts first): that suite's last hook leaves the reference
// protocol edited for the run's screenshot, and the register's tables follow its protocol's unsaved text.
const REGISTER = 'reference-department.register.yaml';
const TITLES = ['Entitlement matrix', 'Training status', 'Due and overdue'];

describe('tables preview of a register of people (webview)', () => {
  let preview: TablesPreviewApi;
  before(async () => {
    preview = await tablesPreview();
  });
  afterEach(closeAll);

  async function openRegister() {
    const { document } = await show(sample(REGISTER));
    const uri = await vscode.commands.executeCommand<vscode.Uri>('roleProtocols.showTables', document.uri);
    assert.equal(uri?.toString(), document.uri.toString());
    const report = await waitForRender(preview, uri, (r) => r.tables.length === TITLES.length, 'the register tables');
    return { document, uri, report };
  }

  it('shows the register tables, not the protocol’s: entitlements, training status and the due list, as on the test date', async () => {
    const { report } = await openRegister();
    assert.deepEqual(
      report.tables.map((t) => t.title),
      TITLES,
    );
    const entitlements = renderedTable(report, 'entitlements');
    assert.deepEqual(entitlements.columns, ['Person', 'Adapter', 'Advanced Adapter', 'Physicist', 'Clinical Oncologist']);
    assert.equal(entitlements.rows.length, 25);
    const status = renderedTable(report, 'training-status');
    assert.equal(status.rows.length, 25);
    const d05 = status.rows.find((r) => r[0] === 'D05');
    assert.equal(d05?.[status.columns.indexOf('Mobius approval')], 'Overdue since 2026-10-01');
    const due = renderedTable(report, 'due');
    assert.deepEqual(
      due.rows.map((r) => r[0]),
      ['2026-10-01', '2026-12-10', '2026-12-20', '2027-01-15'],
    );
  });

  it('reveals the training record a state stands on when its cell is clicked', async () => {
    const { document, uri, report } = await openRegister();
    const status = renderedTable(report, 'training-status');
    const row = status.rows.findIndex((r) => r[0] === 'D05');
    const col = status.columns.indexOf('Mobius approval');
    const handled = nextHandled(preview, 'reveal');
    assert.deepEqual(await preview.askPage(uri, 'click', { table: 'training-status', row, col }), { clicked: true, text: 'Overdue since 2026-10-01' });
    assert.equal((await handled).ok, true);
    const editor = vscode.window.activeTextEditor;
    assert.equal(editor?.document.uri.toString(), document.uri.toString());
    assert.equal(document.getText(editor.selection), '2025-10-01');
    assert.match(document.lineAt(editor.selection.start.line - 2).text, /skill: mobius-approval/);
    assert.match(document.lineAt(editor.selection.start.line - 3).text, /person: D05/);
  });

  it('follows edits, and never shows a name the register holds', async () => {
    const { document, uri } = await openRegister();
    await replaceText(document, '  - id: R01\n', '  - id: R01\n    name: Planted Person-Name\n');
    await replaceText(document, 'completed: 2025-12-10', 'completed: 2026-10-10');
    const report = await waitForRender(preview, uri, (r) => renderedTable(r, 'due').rows.length === 3, 'R04 no longer due');
    const probe = (await preview.askPage(uri, 'probe')) as { bodyText: string };
    assert.ok(probe.bodyText.includes('R01'));
    assert.ok(!probe.bodyText.includes('Planted'), 'the page shows the name');
    assert.equal(renderedTable(report, 'training-status').rows.find((r) => r[0] === 'R04')?.[2], 'Current');
  });

  it('says in its banner that the register has errors', async () => {
    const { document, uri } = await openRegister();
    await replaceText(document, 'supervised: true', 'supervised: maybe');
    const report = await waitForRender(preview, uri, (r) => r.banner !== null, 'the banner');
    assert.match(report.banner ?? '', /This register has \d+ errors?, so the tables may be incomplete\. Show problems$/);
  });
});

// @ts-check
// The page of the "Summary tables" webview (client/src/preview/tablesPreview.ts).
//
// Everything shown comes from the protocol, so it is treated as hostile: the
// DOM is built with createElement and textContent only (never innerHTML, never
// an attribute named by the document), and no handler is written inline. The
// page loads under a Content Security Policy that allows only this script (by
// its nonce) and the extension's own stylesheet.
//
// Messages from the extension:
//   { type: 'update', generation, fileName, documentUri, tables, problem?, errors, changes? }  new tables (or why there are none),
//     and what changed since a revision to mark (from "Compare with a previous version");
//     the page keeps the model in its saved state, which is what a panel restored after a reload is reopened from
//   { type: 'diagnostics', errors }                                      the error count changed
// Messages to the extension:
//   { type: 'ready' }  { type: 'reveal', source, sourceFile? }  { type: 'showProblems' }  { type: 'export' }
//
// After each render the page fires `rp:rendered` on the document. The
// extension tests' hooks (preview-test.js) listen for it; they are loaded by
// development builds only and are not in the .vsix.
(function () {
  'use strict';

  // Injected by VS Code into the webview (typed in webview.d.ts).
  const vscode = acquireVsCodeApi();

  /** @typedef {{ text: string, source?: (string|number)[], sourceFile?: string, status?: string }} Cell */
  /** @typedef {{ id: string, title: string, columns: string[], rows: Cell[][], legend?: string[], description?: string, empty?: string }} Table */

  /** A register's states (the cell's words say them; a class only styles them). */
  const STANDINGS = ['current', 'due-soon', 'overdue', 'in-training', 'missing'];
  /** @typedef {{ path: (string|number)[], file?: string }} ChangedPlace */
  /** @typedef {{ since: string, changes: ChangedPlace[] }} ChangeMarks */
  /** @typedef {{ generation: number, fileName: string, documentUri: string, tables: Table[], problem?: string, errors: number, changes?: ChangeMarks }} Model */

  const heading = /** @type {HTMLElement} */ (document.getElementById('heading'));
  const banner = /** @type {HTMLElement} */ (document.getElementById('banner'));
  const changesNote = /** @type {HTMLElement} */ (document.getElementById('changes'));
  const content = /** @type {HTMLElement} */ (document.getElementById('tables'));
  const exportButton = /** @type {HTMLButtonElement} */ (document.getElementById('export'));

  /** @type {{ model?: Model, scrollX?: number, scrollY?: number } | undefined} */
  const saved = vscode.getState();
  /** @type {Model | undefined} */
  let model = saved && saved.model;

  /** Cells that reveal their source, by element. */
  /** @type {WeakMap<Element, Cell>} */
  let cellSources = new WeakMap();

  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = String(text);
    return node;
  }

  const str = (v) => (typeof v === 'string' ? v : v === undefined || v === null ? '' : String(v));
  const isPath = (v) => Array.isArray(v) && v.length <= 64 && v.every((s) => typeof s === 'string' || (typeof s === 'number' && Number.isInteger(s)));

  /** The marks as sent, checked: anything else is no marks. */
  function changeMarks(value) {
    if (!value || typeof value !== 'object' || !Array.isArray(value.changes)) return undefined;
    const changes = value.changes
      .filter((c) => c && isPath(c.path) && (c.file === undefined || typeof c.file === 'string'))
      .map((c) => ({ path: c.path, file: c.file }));
    return { since: str(value.since), changes };
  }

  /** Whether `a` starts with every segment of `b`. */
  const startsWith = (a, b) => b.length <= a.length && b.every((segment, i) => a[i] === segment);

  /**
   * Whether a cell shows something that changed: the change is the cell's
   * source or holds it (a field changed, an entry added), in the same file.
   */
  function changedCell(cell) {
    const marks = model && model.changes;
    if (!marks || !Array.isArray(cell.source)) return false;
    const source = cell.source;
    return marks.changes.some((c) => (c.file || '') === (cell.sourceFile || '') && startsWith(source, c.path));
  }
  const baseName = (file) => str(file).split(/[\\/]/).pop() || str(file);

  /** One table as a section: heading, table (or a note that it is empty), legend, and for coverage a summary. */
  function renderTable(table, tableIndex) {
    const section = el('section', 'table');
    section.dataset.table = str(table.id);
    section.id = `table-${tableIndex}`;
    const title = el('h2', undefined, str(table.title));
    title.id = `table-${tableIndex}-title`;
    section.setAttribute('aria-labelledby', title.id);
    section.append(title);
    // A register's tables say what they show and the day they are computed for.
    if (typeof table.description === 'string' && table.description) section.append(el('p', 'description', table.description));
    const rows = Array.isArray(table.rows) ? table.rows : [];
    const columns = Array.isArray(table.columns) ? table.columns : [];

    if (table.id === 'coverage') {
      let gaps = 0;
      for (const row of rows) for (const cell of row || []) if (cell && cell.status === 'gap') gaps++;
      const summary = el('p', gaps ? 'summary has-gaps' : 'summary clean');
      summary.append(
        el('span', 'mark', gaps ? '\u26A0' : '\u2713'),
        el(
          'span',
          undefined,
          gaps
            ? ` ${gaps} gap${gaps === 1 ? '' : 's'}: ${gaps === 1 ? 'a role is' : 'roles are'} entitled to act in a step without training for it.`
            : rows.length
              ? ' No gaps: every entitled role is trained for its steps.'
              : ' No steps that need skills yet.',
        ),
      );
      section.append(summary);
    }

    if (rows.length === 0) {
      section.append(el('p', 'empty', typeof table.empty === 'string' && table.empty ? table.empty : 'Nothing to show yet.'));
      return section;
    }
    const scroller = el('div', 'scroller');
    const tableEl = el('table');
    tableEl.dataset.table = str(table.id);
    const head = el('thead');
    const headRow = el('tr');
    for (const column of columns) {
      const th = el('th', undefined, str(column));
      th.scope = 'col';
      headRow.append(th);
    }
    head.append(headRow);
    const body = el('tbody');
    rows.forEach((row, rowIndex) => {
      const tr = el('tr');
      let rowHasGap = false;
      (row || []).forEach((cell, colIndex) => {
        cell = cell || { text: '' };
        const td = el(colIndex === 0 && table.id !== 'coverage' ? 'th' : 'td');
        if (td instanceof HTMLTableCellElement && td.tagName === 'TH') td.scope = 'row';
        td.dataset.key = `${table.id}:${rowIndex}:${colIndex}`;
        if (cell.status === 'gap' || cell.status === 'trained') {
          rowHasGap = rowHasGap || cell.status === 'gap';
          td.classList.add(cell.status);
          td.append(el('span', 'mark', cell.status === 'gap' ? '\u26A0 ' : '\u2713 '));
        } else if (STANDINGS.includes(str(cell.status))) {
          td.classList.add('standing', str(cell.status));
        }
        const changed = changedCell(cell);
        if (changed) {
          td.classList.add('changed');
          td.append(el('span', 'changed-mark', '\u0394 '));
        }
        td.append(el('span', 'value', str(cell.text)));
        if (Array.isArray(cell.source)) {
          td.classList.add('source');
          td.tabIndex = 0;
          td.title = `${changed ? `Changed since ${str(model && model.changes && model.changes.since)}. ` : ''}${cell.sourceFile ? `Reveal in ${baseName(cell.sourceFile)}` : 'Reveal in the editor'}`;
          cellSources.set(td, cell);
        }
        tr.append(td);
      });
      if (rowHasGap) tr.classList.add('gap-row');
      body.append(tr);
    });
    tableEl.append(head, body);
    scroller.append(tableEl);
    section.append(scroller);

    if (Array.isArray(table.legend) && table.legend.length) {
      const legend = el('ul', 'legend');
      legend.setAttribute('aria-label', 'Legend');
      for (const line of table.legend) legend.append(el('li', undefined, str(line)));
      section.append(legend);
    }
    return section;
  }

  /**
   * The banner: why the tables may be incomplete, with a way to the Problems
   * view. Returns how much taller the banner became, so a scrolled page can
   * move by as much and keep the same rows in view.
   */
  function renderBanner() {
    const errors = model ? Number(model.errors) || 0 : 0;
    const problem = model && model.problem;
    const parts = [];
    if (problem)
      parts.push(
        `The tables could not be updated: ${str(problem)}${model && model.tables && model.tables.length ? ' They show the last version that could be read.' : ''}`,
      );
    // A register's tables (client/src/commands/tables.ts REGISTER_TABLES) say "register", a protocol's "protocol".
    const register = !!model && Array.isArray(model.tables) && model.tables.some((t) => t && ['entitlements', 'training-status', 'due'].includes(t.id));
    if (errors) parts.push(`This ${register ? 'register' : 'protocol'} has ${errors} error${errors === 1 ? '' : 's'}, so the tables may be incomplete.`);
    const text = parts.join(' ');
    // Unchanged: left alone, so a screen reader does not hear it again on every keystroke.
    if (banner.dataset.text === text && banner.hidden === !text) return 0;
    const before = banner.offsetHeight;
    banner.dataset.text = text;
    banner.replaceChildren();
    banner.hidden = !text;
    if (!text) return -before;
    banner.append(el('span', 'mark', '\u26A0 '));
    banner.append(el('span', 'text', text));
    const button = el('button', 'link', 'Show problems');
    button.type = 'button';
    button.id = 'show-problems';
    button.addEventListener('click', () => vscode.postMessage({ type: 'showProblems' }));
    banner.append(' ', button);
    return banner.offsetHeight - before;
  }

  /** The line saying what the Δ marks show, while there are marks. */
  function renderChangesNote() {
    const marks = model && model.changes;
    changesNote.hidden = !marks;
    changesNote.textContent = marks
      ? `\u0394 marks what changed since ${marks.since} (${marks.changes.length} change${marks.changes.length === 1 ? '' : 's'} in this text; removals are in the report). The marks go at the next edit.`
      : '';
  }

  /** Re-renders in place: the scroll position and the focused cell stay where they were. */
  function render() {
    const x = window.scrollX;
    const y = window.scrollY;
    const focusedKey = document.activeElement instanceof HTMLElement ? document.activeElement.dataset.key : undefined;
    heading.textContent = model ? `Summary tables: ${str(model.fileName)}` : 'Summary tables';
    const moved = renderBanner();
    renderChangesNote();
    cellSources = new WeakMap();
    const fragment = document.createDocumentFragment();
    const tables = model && Array.isArray(model.tables) ? model.tables : [];
    tables.forEach((table, index) => fragment.append(renderTable(table, index)));
    if (!model) fragment.append(el('p', 'empty', 'Reading the protocol\u2026'));
    content.replaceChildren(fragment);
    window.scrollTo(x, y > 0 ? y + moved : 0);
    if (focusedKey) {
      for (const cell of content.querySelectorAll('[data-key]')) {
        if (cell instanceof HTMLElement && cell.dataset.key === focusedKey) cell.focus({ preventScroll: true });
      }
    }
    saveState();
    rendered();
  }

  /** Says the page has rendered: the development build's test hooks read the DOM then. */
  function rendered() {
    document.dispatchEvent(new CustomEvent('rp:rendered'));
  }

  let saving = false;
  function saveState() {
    vscode.setState({ model, scrollX: window.scrollX, scrollY: window.scrollY });
  }
  window.addEventListener(
    'scroll',
    () => {
      if (saving) return;
      saving = true;
      requestAnimationFrame(() => {
        saving = false;
        saveState();
      });
    },
    { passive: true },
  );

  function cellFrom(target) {
    const td = target instanceof Element ? target.closest('td.source, th.source') : null;
    return td ? cellSources.get(td) : undefined;
  }

  function reveal(cell) {
    vscode.postMessage({ type: 'reveal', source: cell.source, sourceFile: cell.sourceFile });
  }

  content.addEventListener('click', (event) => {
    const cell = cellFrom(event.target);
    if (cell) reveal(cell);
  });
  content.addEventListener('keydown', (event) => {
    if (event.key !== 'Enter' && event.key !== ' ') return;
    const cell = cellFrom(event.target);
    if (!cell) return;
    event.preventDefault();
    reveal(cell);
  });
  exportButton.addEventListener('click', () => vscode.postMessage({ type: 'export' }));

  // What the test hooks (development builds) need of the page: to post to the extension and to save the state.
  Object.defineProperty(window, 'rpPreview', {
    value: Object.freeze({
      post: (message) => vscode.postMessage(message),
      saveState,
      generation: () => (model ? model.generation : -1),
      savedState: () => vscode.getState() || null,
    }),
  });

  window.addEventListener('message', (event) => {
    const message = event.data;
    if (!message || typeof message !== 'object') return;
    switch (message.type) {
      case 'update':
        model = {
          generation: Number(message.generation) || 0,
          fileName: str(message.fileName),
          documentUri: str(message.documentUri),
          tables: Array.isArray(message.tables) ? message.tables : [],
          problem: message.problem === undefined ? undefined : str(message.problem),
          errors: Number(message.errors) || 0,
          changes: changeMarks(message.changes),
        };
        render();
        return;
      case 'diagnostics': {
        // Only the banner changes: the tables and the focus are left alone, the same rows stay in view.
        if (!model) return;
        model.errors = Number(message.errors) || 0;
        const moved = renderBanner();
        if (moved && window.scrollY > 0) window.scrollBy(0, moved);
        saveState();
        rendered();
        return;
      }
    }
  });

  // Shown again after being hidden (the page is rebuilt): the last tables at once, where they were scrolled to.
  if (model) {
    render();
    window.scrollTo((saved && saved.scrollX) || 0, (saved && saved.scrollY) || 0);
  }
  vscode.postMessage({ type: 'ready' });
})();

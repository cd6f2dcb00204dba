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
//   { type: 'update', generation, fileName, documentUri, tables, problem?, errors }  new tables (or why there are none);
//     the page keeps the model in its saved state, which is what a panel restored after a reload is reopened from
//   { type: 'diagnostics', errors }                                      the error count changed
//   { type: 'test', id, action, ... }                                    the extension tests' hooks (see onTest)
// Messages to the extension:
//   { type: 'ready' }  { type: 'rendered', report }  { type: 'reveal', source, sourceFile? }
//   { type: 'showProblems' }  { type: 'export' }  { type: 'testResult', id, result }
(function () {
  'use strict';

  // Injected by VS Code into the webview (typed in webview.d.ts).
  const vscode = acquireVsCodeApi();
  const ownScript = document.currentScript;
  /** What the Content Security Policy refused since the script started (the tests expect nothing). */
  const violations = [];
  document.addEventListener('securitypolicyviolation', (e) => violations.push(`${e.effectiveDirective} ${e.blockedURI}`));

  /** @typedef {{ text: string, source?: (string|number)[], sourceFile?: string, status?: 'trained'|'gap'|'none' }} Cell */
  /** @typedef {{ id: string, title: string, columns: string[], rows: Cell[][], legend?: string[] }} Table */
  /** @typedef {{ generation: number, fileName: string, documentUri: string, tables: Table[], problem?: string, errors: number }} Model */

  const heading = /** @type {HTMLElement} */ (document.getElementById('heading'));
  const banner = /** @type {HTMLElement} */ (document.getElementById('banner'));
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
      section.append(el('p', 'empty', 'Nothing to show yet.'));
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
        }
        td.append(el('span', 'value', str(cell.text)));
        if (Array.isArray(cell.source)) {
          td.classList.add('source');
          td.tabIndex = 0;
          td.title = cell.sourceFile ? `Reveal in ${baseName(cell.sourceFile)}` : 'Reveal in the editor';
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
    if (errors) parts.push(`This protocol has ${errors} error${errors === 1 ? '' : 's'}, so the tables may be incomplete.`);
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

  /** Re-renders in place: the scroll position and the focused cell stay where they were. */
  function render() {
    const x = window.scrollX;
    const y = window.scrollY;
    const focusedKey = document.activeElement instanceof HTMLElement ? document.activeElement.dataset.key : undefined;
    heading.textContent = model ? `Summary tables: ${str(model.fileName)}` : 'Summary tables';
    const moved = renderBanner();
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
    vscode.postMessage({ type: 'rendered', report: report() });
  }

  /** What the page shows, read back from the DOM (the extension tests check this, not what was sent). */
  function report() {
    return {
      generation: model ? model.generation : -1,
      heading: heading.textContent,
      banner: banner.hidden ? null : banner.textContent,
      scrollY: window.scrollY,
      tables: [...content.querySelectorAll('section.table')].map((section) => ({
        id: section instanceof HTMLElement ? section.dataset.table : '',
        title: section.querySelector('h2')?.textContent ?? '',
        columns: [...section.querySelectorAll('thead th')].map((th) => th.textContent ?? ''),
        rows: [...section.querySelectorAll('tbody tr')].map((tr) => [...tr.children].map((td) => td.querySelector('.value')?.textContent ?? '')),
        gaps: section.querySelectorAll('tbody .gap').length,
        legend: [...section.querySelectorAll('.legend li')].map((li) => li.textContent ?? ''),
        summary: section.querySelector('.summary')?.textContent ?? null,
      })),
    };
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

  /**
   * The extension tests' hooks. They act through the DOM as a person would
   * (a real click event on the cell element) and report what the DOM holds.
   */
  function onTest(message) {
    const answer = (result) => vscode.postMessage({ type: 'testResult', id: message.id, result });
    switch (message.action) {
      case 'click': {
        const target =
          message.selector === 'show-problems'
            ? document.getElementById('show-problems')
            : [...content.querySelectorAll('[data-key]')].find(
                (c) => c instanceof HTMLElement && c.dataset.key === `${message.table}:${message.row}:${message.col}`,
              );
        if (target) target.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true, view: window }));
        answer({ clicked: !!target, text: target ? target.textContent : null });
        return;
      }
      case 'scroll': {
        const section = message.table ? content.querySelector(`section[data-table="${CSS.escape(str(message.table))}"]`) : null;
        if (section) section.scrollIntoView({ block: 'start' });
        else window.scrollTo(0, Number(message.y) || 0);
        saveState();
        answer({ scrollY: window.scrollY, scrollHeight: document.documentElement.scrollHeight, innerHeight: window.innerHeight });
        return;
      }
      case 'probe': {
        const all = [...document.querySelectorAll('*')];
        answer({
          images: document.querySelectorAll('img, svg, picture, image').length,
          frames: document.querySelectorAll('iframe, frame, object, embed').length,
          links: document.querySelectorAll('a[href], area[href]').length,
          scriptsInBody: [...document.body.querySelectorAll('script')].filter((s) => s !== ownScript).length,
          handlerAttributes: all.filter((e) => [...e.attributes].some((a) => /^on/i.test(a.name))).length,
          violations,
          injectedFlag: Object.prototype.hasOwnProperty.call(window, 'rpInjected') ? String(/** @type {any} */ (window).rpInjected) : null,
          bodyText: document.body.textContent,
          gapCells: [...content.querySelectorAll('td.gap')].map((td) => td.textContent),
          theme: document.body.className,
          savedState: vscode.getState() || null,
          foreground: getComputedStyle(document.body).color,
          background: getComputedStyle(document.body).backgroundColor,
          borderCollapse: (() => {
            const table = content.querySelector('table');
            return table ? getComputedStyle(table).borderCollapse : null;
          })(),
        });
        return;
      }
      default:
        answer({ error: `unknown test action ${str(message.action)}` });
    }
  }

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
        vscode.postMessage({ type: 'rendered', report: report() });
        return;
      }
      case 'test':
        onTest(message);
        return;
    }
  });

  // Shown again after being hidden (the page is rebuilt): the last tables at once, where they were scrolled to.
  if (model) {
    render();
    window.scrollTo((saved && saved.scrollX) || 0, (saved && saved.scrollY) || 0);
  }
  vscode.postMessage({ type: 'ready' });
})();

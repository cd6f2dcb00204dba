// @ts-check
// The extension tests' hooks into the "Summary tables" page. Loaded before
// preview.js, and only by development builds (scripts/bundle.js sets
// __TEST_HOOKS__; the .vsix holds neither this file nor the code that loads it).
//
// Messages from the extension:  { type: 'test', id, action, ... }  (click, scroll, probe)
// Messages to the extension:    { type: 'rendered', report }  { type: 'testResult', id, result }
//
// They act through the DOM as a person would (a real click event on the
// cell element) and report what the DOM holds, not what was sent.
(function () {
  'use strict';

  /** What the Content Security Policy refused since the page started (the tests expect nothing). */
  const violations = [];
  document.addEventListener('securitypolicyviolation', (e) => violations.push(`${e.effectiveDirective} ${e.blockedURI}`));

  /** The page script's narrow handle (post a message, save the state), set when preview.js runs. */
  const page = () =>
    /** @type {{ post(message: unknown): void, saveState(): void, generation(): number, savedState(): unknown }} */ (/** @type {any} */ (window).rpPreview);
  const str = (value) => (typeof value === 'string' ? value : value === undefined || value === null ? '' : String(value));
  const content = () => /** @type {HTMLElement} */ (document.getElementById('tables'));

  /** What the page shows, read back from the DOM. */
  function report() {
    const heading = document.getElementById('heading');
    const banner = document.getElementById('banner');
    return {
      generation: page().generation(),
      heading: heading ? heading.textContent : '',
      banner: !banner || banner.hidden ? null : banner.textContent,
      changesNote: (() => {
        const note = document.getElementById('changes');
        return !note || note.hidden ? null : note.textContent;
      })(),
      scrollY: window.scrollY,
      tables: [...content().querySelectorAll('section.table')].map((section) => ({
        id: section instanceof HTMLElement ? section.dataset.table : '',
        title: section.querySelector('h2')?.textContent ?? '',
        columns: [...section.querySelectorAll('thead th')].map((th) => th.textContent ?? ''),
        rows: [...section.querySelectorAll('tbody tr')].map((tr) => [...tr.children].map((td) => td.querySelector('.value')?.textContent ?? '')),
        gaps: section.querySelectorAll('tbody .gap').length,
        changed: [...section.querySelectorAll('tbody .changed')].map((td) => td.querySelector('.value')?.textContent ?? ''),
        legend: [...section.querySelectorAll('.legend li')].map((li) => li.textContent ?? ''),
        summary: section.querySelector('.summary')?.textContent ?? null,
      })),
    };
  }

  document.addEventListener('rp:rendered', () => page().post({ type: 'rendered', report: report() }));

  function onTest(message) {
    const answer = (result) => page().post({ type: 'testResult', id: message.id, result });
    switch (message.action) {
      case 'click': {
        const target =
          message.selector === 'show-problems'
            ? document.getElementById('show-problems')
            : [...content().querySelectorAll('[data-key]')].find(
                (c) => c instanceof HTMLElement && c.dataset.key === `${message.table}:${message.row}:${message.col}`,
              );
        if (target) target.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true, view: window }));
        answer({ clicked: !!target, text: target ? target.textContent : null });
        return;
      }
      case 'scroll': {
        const section = message.table ? content().querySelector(`section[data-table="${CSS.escape(str(message.table))}"]`) : null;
        if (section) section.scrollIntoView({ block: 'start' });
        else window.scrollTo(0, Number(message.y) || 0);
        page().saveState();
        answer({ scrollY: window.scrollY, scrollHeight: document.documentElement.scrollHeight, innerHeight: window.innerHeight });
        return;
      }
      case 'probe': {
        const all = [...document.querySelectorAll('*')];
        answer({
          images: document.querySelectorAll('img, svg, picture, image').length,
          frames: document.querySelectorAll('iframe, frame, object, embed').length,
          links: document.querySelectorAll('a[href], area[href]').length,
          // The page's own scripts carry its nonce; anything else would have come from the document.
          scriptsInBody: [...document.body.querySelectorAll('script')].filter((s) => !s.nonce).length,
          handlerAttributes: all.filter((e) => [...e.attributes].some((a) => /^on/i.test(a.name))).length,
          violations,
          injectedFlag: Object.prototype.hasOwnProperty.call(window, 'rpInjected') ? String(/** @type {any} */ (window).rpInjected) : null,
          bodyText: document.body.textContent,
          gapCells: [...content().querySelectorAll('td.gap')].map((td) => td.textContent),
          theme: document.body.className,
          savedState: page().savedState(),
          foreground: getComputedStyle(document.body).color,
          background: getComputedStyle(document.body).backgroundColor,
          borderCollapse: (() => {
            const table = content().querySelector('table');
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
    if (message && typeof message === 'object' && message.type === 'test') onTest(message);
  });
})();

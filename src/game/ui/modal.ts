// A modal dialog over a dimmed page: Escape, the dimmed page and the caller's Close button close
// it; Tab stays inside it while it is open. The rulebook glossary and the research sources use it.
import { el } from '../../ui-kit/dom';

export interface ModalOptions {
  /** The id of the element that names the dialog. */
  labelledBy: string;
  /** Classes beside `modal card`. */
  className?: string;
  testId: string;
  /** Classes beside `modal-back` for the dimmed page. */
  backClass?: string;
  onClose: () => void;
}

export function modalDialog(options: ModalOptions, ...children: HTMLElement[]): HTMLElement {
  const dialog = el(
    'div',
    { class: `modal card${options.className ? ` ${options.className}` : ''}`, role: 'dialog', 'aria-modal': 'true', 'aria-labelledby': options.labelledBy, 'data-testid': options.testId },
    ...children,
  );
  dialog.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      options.onClose();
    } else if (e.key === 'Tab') {
      // Keep focus in the dialog: the next (or previous) stop after the focused element, which
      // may be an entry that is focusable only by script, wrapping around at either end.
      e.preventDefault();
      const stops = [...dialog.querySelectorAll<HTMLElement>('button, a[href], [tabindex="0"]')];
      const at = document.activeElement;
      const after = (stop: HTMLElement) => at instanceof Node && (at.compareDocumentPosition(stop) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;
      const before = (stop: HTMLElement) => at instanceof Node && (at.compareDocumentPosition(stop) & Node.DOCUMENT_POSITION_PRECEDING) !== 0;
      const next = e.shiftKey ? (stops.filter(before).pop() ?? stops[stops.length - 1]) : (stops.find(after) ?? stops[0]);
      next?.focus();
    }
  });
  const back = el('div', { class: `modal-back${options.backClass ? ` ${options.backClass}` : ''}` }, dialog);
  // A click on the dimmed page around the dialog closes it too.
  back.addEventListener('click', (e) => {
    if (e.target === back) options.onClose();
  });
  return back;
}

// After a refused save: bring the first message into view and put the focus
// on its field, in form order, so the user sees what to fix where they are
// (a message above the fold is no help to someone looking at the bottom).
import { tick } from "svelte";

const FOCUSABLE = "input:not([type=hidden]):not([disabled]), textarea:not([disabled]), select:not([disabled]), button:not([disabled])";

/** The field a message belongs to: the control marked invalid, the control
 *  that names the message in `aria-describedby`, or the first control in the
 *  message's field group. */
function fieldOf(form: HTMLElement, marked: HTMLElement): HTMLElement | null {
  if (!marked.classList.contains("field-error")) return marked;
  if (marked.id) {
    const owner = form.querySelector<HTMLElement>(`[aria-describedby~="${marked.id}"]`);
    if (owner) return owner.matches(FOCUSABLE) ? owner : owner.querySelector<HTMLElement>(FOCUSABLE);
  }
  const group = marked.closest<HTMLElement>(".field, fieldset, .panel") ?? form;
  return group.querySelector<HTMLElement>(FOCUSABLE);
}

/** Wait for the messages to show, then scroll to the first one and focus its
 *  field. Without a field message, the form's own message is shown instead. */
export async function showFirstError(form: HTMLElement | null | undefined): Promise<void> {
  await tick();
  if (!form) return;
  const marked = form.querySelector<HTMLElement>('[aria-invalid="true"], .field-error');
  if (marked) {
    const field = fieldOf(form, marked);
    const box = (field ?? marked).closest<HTMLElement>(".field, fieldset") ?? field ?? marked;
    box.scrollIntoView({ block: "center" });
    field?.focus({ preventScroll: true });
    return;
  }
  const message = form.querySelector<HTMLElement>(".form-error, .error[role=alert]");
  if (message) {
    message.tabIndex = -1;
    message.scrollIntoView({ block: "center" });
    message.focus({ preventScroll: true });
  }
}

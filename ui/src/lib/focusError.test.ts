import { describe, expect, it } from "vitest";
import { showFirstError } from "./focusError";

function form(html: string): HTMLFormElement {
  const f = document.createElement("form");
  f.innerHTML = html;
  document.body.replaceChildren(f);
  return f;
}

describe("the first message after a refused save", () => {
  it("is the first marked field in form order, scrolled to with its label and message", async () => {
    const f = form(`
      <div class="field" id="a"><label for="x">X</label><input id="x"></div>
      <div class="field" id="b"><label for="y">Y</label><input id="y" aria-invalid="true"><p class="field-error">Vul dit in.</p></div>
      <div class="field" id="c"><label for="z">Z</label><textarea id="z" aria-invalid="true"></textarea></div>`);
    await showFirstError(f);
    expect(document.activeElement?.id).toBe("y");
    expect(globalThis.scrolledTo).toBe(document.getElementById("b"));
  });

  it("of a group is the group's first choice, found through aria-describedby", async () => {
    const f = form(`
      <fieldset aria-describedby="cats-error"><legend>Soorten</legend>
        <input type="checkbox" id="one"><input type="checkbox" id="two">
        <p class="field-error" id="cats-error">Kies er minstens één.</p>
      </fieldset>
      <input id="later" aria-invalid="true">`);
    await showFirstError(f);
    expect(document.activeElement?.id).toBe("one");
  });

  it("without a field or a link is the first control near the message", async () => {
    const f = form(`
      <div class="panel"><input type="checkbox" id="grid-0"><p class="field-error">Kies dagdelen.</p></div>`);
    await showFirstError(f);
    expect(document.activeElement?.id).toBe("grid-0");
  });

  it("without field messages is the form's own message", async () => {
    const f = form(`<p class="form-error" role="alert" id="whole">Opslaan is mislukt.</p><input id="x">`);
    await showFirstError(f);
    expect(document.activeElement?.id).toBe("whole");
    expect(globalThis.scrolledTo?.id).toBe("whole");
  });
});

import { render, screen } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import type { SetupState } from "../../lib/api";
import { failure, fakeBackend } from "../../test/ipc";
import FirstStart from "./FirstStart.svelte";

const empty: SetupState = {
  needed: true, helpPointName: "", helpPointPhone: "", helpPointEmail: "", kernen: [], contactPersons: [], wmo: null,
};
const aaltje = { id: 4, name: "Aaltje Veldkamp", phone: "0599-720 151", email: "", active: true };

describe("the first start", () => {
  it("goes on where an interrupted first start stopped", async () => {
    fakeBackend({ setup_state: () => ({ ...empty, helpPointName: "Dorpspunt Oosterwold", kernen: ["Oosterwold"] }) });
    render(FirstStart, { onDone: vi.fn() });
    expect(await screen.findByRole("heading", { name: "Contactpersonen" })).toBeTruthy();
    expect(screen.getByText("Stap 3 van 4")).toBeTruthy();
  });

  it("asks for at least one kern in plain words, and keeps what was typed", async () => {
    fakeBackend({
      setup_state: () => ({ ...empty, helpPointName: "Dorpspunt Oosterwold" }),
      save_kernen: () => {
        throw failure("invalid_input", [{ field: "kernen", rule: "required" }]);
      },
    });
    render(FirstStart, { onDone: vi.fn() });
    await screen.findByRole("heading", { name: "Kernen en wijken" });
    await userEvent.click(screen.getByRole("button", { name: "Volgende" }));
    expect(await screen.findByText("Vul minstens één kern of wijk in.")).toBeTruthy();
    expect(screen.getByText("Stap 2 van 4")).toBeTruthy();
  });

  it("does not go past the contact persons without your own name", async () => {
    fakeBackend({ setup_state: () => ({ ...empty, helpPointName: "Dorpspunt Oosterwold", kernen: ["Oosterwold"] }) });
    render(FirstStart, { onDone: vi.fn() });
    await screen.findByRole("heading", { name: "Contactpersonen" });
    await userEvent.click(screen.getByRole("button", { name: "Volgende" }));
    expect(await screen.findByText("Vul eerst uw eigen naam in en kies Toevoegen.")).toBeTruthy();
    expect(screen.getByText("Stap 3 van 4")).toBeTruthy();
  });

  it("may leave the Wmo-loket for later, and names who sits at the computer", async () => {
    const onDone = vi.fn();
    const calls = fakeBackend({
      setup_state: () => ({ ...empty, helpPointName: "Dorpspunt Oosterwold", kernen: ["Oosterwold"], contactPersons: [aaltje] }),
      finish_setup: () => aaltje,
    });
    render(FirstStart, { onDone });
    await screen.findByRole("heading", { name: "Het Wmo-loket" });
    await userEvent.click(screen.getByRole("button", { name: "Dit weet ik nog niet" }));
    await vi.waitFor(() => expect(onDone).toHaveBeenCalledWith(aaltje));
    expect(calls.find((c) => c.cmd === "finish_setup")?.args).toEqual({ me: 4 });
    expect(calls.some((c) => c.cmd === "save_wmo_desk")).toBe(false);
  });

  it("refuses a Wmo-loket without a phone number near the field", async () => {
    fakeBackend({
      setup_state: () => ({ ...empty, helpPointName: "Dorpspunt Oosterwold", kernen: ["Oosterwold"], contactPersons: [aaltje] }),
      save_wmo_desk: () => {
        throw failure("invalid_input", [{ field: "phone", rule: "required" }]);
      },
    });
    render(FirstStart, { onDone: vi.fn() });
    await screen.findByRole("heading", { name: "Het Wmo-loket" });
    await userEvent.type(screen.getByLabelText("Gemeente", { exact: false }), "Gemeente Veenmarke");
    await userEvent.click(screen.getByRole("button", { name: "Opslaan: naar Buurtpunt" }));
    expect((await screen.findByText("Vul dit in.")).id).toBe("setup-wmo-phone-error");
    expect((screen.getByLabelText("Gemeente", { exact: false }) as HTMLInputElement).value).toBe("Gemeente Veenmarke");
  });
});

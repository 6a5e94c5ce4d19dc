import { render, screen } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import type { VolunteerInput } from "../../lib/api";
import { failure, fakeBackend } from "../../test/ipc";
import { skills, volunteer } from "./testData";
import VolunteerForm from "./VolunteerForm.svelte";

const settings = { autoLockMinutes: 10, helpPointName: "", defaultLimitHours: 4, vogValidYears: 3, checkinWeeks: 6, notAskedWeeks: 8 };
const resident = {
  id: 7, firstName: "Hinke", lastName: "Veenstra", street: "", houseNumber: "", postcode: "", kern: "Lindeloo",
  phone: "", email: "", contactPreference: "phone", contactTime: "", birthDate: null, notes: "", proxyName: "",
  proxyRelation: "", proxyPhone: "", proxyEmail: "", network: [], createdAt: "", updatedAt: "",
};

function backend(create: (args: Record<string, unknown>) => unknown) {
  return fakeBackend({
    list_skills: () => skills,
    list_kernen: () => ["Lindeloo", "Veenhoeve"],
    get_settings: () => settings,
    get_resident: () => resident,
    get_volunteer: () => volunteer(),
    create_volunteer: create,
    update_volunteer: create,
  });
}

describe("volunteer form", () => {
  it("shows Dutch errors next to the fields and keeps what was typed", async () => {
    const calls = backend(() => {
      throw failure("invalid_input", [
        { field: "limitHours", rule: "number" },
        { field: "vogOn", rule: "date_in_future" },
      ]);
    });
    render(VolunteerForm, { residentId: 7 });
    const hours = (await screen.findByLabelText(/uur per week/)) as HTMLInputElement;
    expect(screen.getByText(/standaard van de groep: 4 uur/)).toBeInTheDocument();
    await userEvent.type(hours, "2,5");
    await userEvent.type(screen.getByLabelText(/Datum van de VOG/), "1-1-2099");
    await userEvent.type(screen.getByLabelText(/Nog meer talenten/), "spreekt Fries, heeft een aanhanger");
    await userEvent.click(screen.getByLabelText("Tuinieren", { selector: "#skill-2" }));
    await userEvent.click(screen.getByRole("button", { name: "Opslaan" }));

    const limitError = await screen.findByText(/van 0,5 tot en met 40/);
    expect(limitError.id).toBe("volunteer-limitHours-error");
    expect(hours.getAttribute("aria-describedby")).toContain("volunteer-limitHours-error");
    expect(hours.getAttribute("aria-invalid")).toBe("true");
    expect(screen.getByText("Deze datum ligt in de toekomst.").id).toBe("volunteer-vogOn-error");
    // Everything typed is still there.
    expect(hours.value).toBe("2,5");
    expect((screen.getByLabelText(/Datum van de VOG/) as HTMLInputElement).value).toBe("1-1-2099");
    expect((screen.getByLabelText("Tuinieren", { selector: "#skill-2" }) as HTMLInputElement).checked).toBe(true);

    const sent = calls.find((c) => c.cmd === "create_volunteer")?.args;
    const input = sent?.input as VolunteerInput;
    expect(input.limitHours).toBe("2,5");
    expect(input.vogOn).toBe("2099-01-01");
    expect(input.skills).toEqual([2]);
    expect(input.tags).toEqual(["spreekt Fries", "heeft een aanhanger"]);
    expect(sent?.status).toBe("applied");
    expect(sent?.id).toBe(7);
  });

  it("sends carer hours as typed, the chosen start status, and never a task as both wanted and refused", async () => {
    const calls = backend(() => volunteer());
    render(VolunteerForm, { residentId: 7 });
    await userEvent.click(await screen.findByLabelText(/Actief/));
    await userEvent.click(screen.getByLabelText("Tuinieren", { selector: "#refused-2" }));
    await userEvent.click(screen.getByLabelText("Tuinieren", { selector: "#skill-2" }));
    expect((screen.getByLabelText("Tuinieren", { selector: "#refused-2" }) as HTMLInputElement).checked).toBe(false);
    await userEvent.click(screen.getByLabelText(/Is zelf mantelzorger/));
    await userEvent.type(screen.getByLabelText(/uur mantelzorg per week/), "10,5");
    expect(screen.getByText(/Meer dan 8 uur per week is zware mantelzorg/)).toBeInTheDocument();
    await userEvent.click(screen.getByLabelText("Veenhoeve"));
    await userEvent.click(screen.getByLabelText("maandag ochtend"));
    await userEvent.click(screen.getByRole("button", { name: "Opslaan" }));
    const sent = calls.find((c) => c.cmd === "create_volunteer")?.args;
    const input = sent?.input as VolunteerInput;
    expect(sent?.status).toBe("active");
    expect(input.skills).toEqual([2]);
    expect(input.refused).toEqual([]);
    expect(input.isCarer).toBe(true);
    expect(input.carerHours).toBe("10,5");
    expect(input.kernen).toEqual(["Veenhoeve"]);
    expect(input.availability).toBe(1);
  });

  it("fills in an existing profile and offers a retired skill only to who has it", async () => {
    backend(() => volunteer());
    render(VolunteerForm, { id: 7 });
    const hours = (await screen.findByLabelText(/uur per week/)) as HTMLInputElement;
    expect(hours.value).toBe("");
    expect((screen.getByLabelText("Tuinieren", { selector: "#skill-2" }) as HTMLInputElement).checked).toBe(true);
    expect(screen.queryByLabelText(/Oud talent/)).toBeNull();
    expect((screen.getByLabelText(/Nog meer talenten/) as HTMLInputElement).value).toBe("spreekt Fries");
    // The own kern is not a choice: they always help there.
    expect(screen.queryByLabelText("Lindeloo")).toBeNull();
  });
});

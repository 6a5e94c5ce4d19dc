// Fictional social-map records for the component tests.
import type { Location, Organisation, Service, ServiceDetail, ServiceSummary } from "../../lib/api";

export function location(over: Partial<Location> = {}): Location {
  return {
    id: 5,
    hsdsId: "a7c3e2d1-1111-4b2c-8d3e-4f5a6b7c8d90",
    addressHsdsId: "b8d4f3e2-2222-4c3d-9e4f-5a6b7c8d9e01",
    name: "Gemeentehuis",
    address1: "Raadhuisplein 1",
    address2: "",
    postalCode: "9541 AA",
    city: "Lindeloo",
    stateProvince: "Drenthe",
    country: "NL",
    ...over,
  };
}

export function service(over: Partial<Service> = {}): Service {
  return {
    id: 11,
    hsdsId: "svc-11",
    organisationId: 1,
    name: "Wmo-loket",
    description: "Hulp om thuis te blijven wonen.",
    status: "active",
    url: "",
    email: "",
    minimumAge: null,
    maximumAge: null,
    locationIds: [],
    applicationProcess: "Bel en doe een melding.",
    eligibilityDescription: "Inwoners van Veenmarke.",
    feesDescription: "",
    languages: "Nederlands",
    serviceArea: "Veenmarke",
    schedule: "Ma–vr 9.00–12.30 uur",
    schedules: [],
    contactName: "Team Wmo",
    contactPhone: "0599-720 100",
    contactEmail: "wmo@veenmarke.example",
    morePhones: [],
    moreContacts: [],
    wmoDesk: true,
    flags: ["personal_care"],
    areas: ["household"],
    ...over,
  };
}

export function organisation(over: Partial<Organisation> = {}): Organisation {
  return {
    id: 1,
    hsdsId: "org-1",
    name: "Gemeente Veenmarke",
    description: "De gemeente.",
    email: "info@veenmarke.example",
    website: "www.veenmarke.example",
    phone: "0599-720 000",
    morePhones: [],
    lastCheckedOn: "2025-01-10",
    lastCheckedBy: "Jan Kuiper",
    needsCheck: true,
    locations: [],
    services: [service()],
    createdAt: "",
    updatedAt: "",
    ...over,
  };
}

export function summary(over: Partial<ServiceSummary> = {}): ServiceSummary {
  return {
    id: 11,
    name: "Wmo-loket",
    organisationId: 1,
    organisationName: "Gemeente Veenmarke",
    phone: "0599-720 100",
    address: "",
    status: "active",
    wmoDesk: true,
    flags: [],
    areas: ["household"],
    lastCheckedOn: "2026-10-01",
    ...over,
  };
}

export function detail(s: Service = service()): ServiceDetail {
  return {
    service: s,
    organisationName: "Gemeente Veenmarke",
    organisationPhone: "0599-720 000",
    organisationEmail: "info@veenmarke.example",
    organisationWebsite: "www.veenmarke.example",
    locations: [],
    lastCheckedOn: "2026-10-01",
    lastCheckedBy: "Gerda Mulder",
  };
}

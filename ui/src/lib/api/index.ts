// The one typed door to the Rust side: one function per Tauri command.
import { invoke } from "@tauri-apps/api/core";
import { listen, type UnlistenFn } from "@tauri-apps/api/event";
import type { AppStatus } from "./generated/AppStatus";
import type { BackupInfo } from "./generated/BackupInfo";
import type { Counts } from "./generated/Counts";
import type { ContactEntry } from "./generated/ContactEntry";
import type { ErrorCode } from "./generated/ErrorCode";
import type { ErrorPayload } from "./generated/ErrorPayload";
import type { HelpRequest } from "./generated/HelpRequest";
import type { Page } from "./generated/Page";
import type { RequestInput } from "./generated/RequestInput";
import type { RequestQuery } from "./generated/RequestQuery";
import type { RequestSummary } from "./generated/RequestSummary";
import type { Resident } from "./generated/Resident";
import type { ResidentInput } from "./generated/ResidentInput";
import type { ResidentQuery } from "./generated/ResidentQuery";
import type { ResidentSummary } from "./generated/ResidentSummary";
import type { Settings } from "./generated/Settings";
import type { SetupState } from "./generated/SetupState";
import type { FirstSteps } from "./generated/FirstSteps";
import type { WmoDesk } from "./generated/WmoDesk";
import type { WmoDeskInput } from "./generated/WmoDeskInput";
import type { Status } from "./generated/Status";
import type { Today } from "./generated/Today";
import type { RetentionNotice } from "./generated/RetentionNotice";
import type { RetentionProgress } from "./generated/RetentionProgress";
import type { AgendaInput } from "./generated/AgendaInput";
import type { AgendaItem } from "./generated/AgendaItem";
import type { MeetingItem } from "./generated/MeetingItem";
import type { PeriodChoice } from "./generated/PeriodChoice";
import type { ScreenFigures } from "./generated/ScreenFigures";
import type { CloseInput } from "./generated/CloseInput";
import type { ContactPersonInput } from "./generated/ContactPersonInput";
import type { ContactPerson } from "./generated/ContactPerson";
import type { ChainCheck } from "./generated/ChainCheck";
import type { ResidentHistory } from "./generated/ResidentHistory";
import type { ExportOutcome } from "./generated/ExportOutcome";
import type { ExportInput } from "./generated/ExportInput";
import type { Advice } from "./generated/Advice";
import type { ReferralStep } from "./generated/ReferralStep";
import type { ReferralStatus } from "./generated/ReferralStatus";
import type { ReferralInput } from "./generated/ReferralInput";
import type { Referral } from "./generated/Referral";
import type { ExportRecord } from "./generated/ExportRecord";
import type { ConsentInput } from "./generated/ConsentInput";
import type { Consent } from "./generated/Consent";
import type { DueReminder } from "./generated/DueReminder";
import type { ReminderInput } from "./generated/ReminderInput";
import type { Reminder } from "./generated/Reminder";
import type { AgreementInput } from "./generated/AgreementInput";
import type { Agreement } from "./generated/Agreement";
import type { Absence } from "./generated/Absence";
import type { AbsenceInput } from "./generated/AbsenceInput";
import type { Checkin } from "./generated/Checkin";
import type { CheckinInput } from "./generated/CheckinInput";
import type { HourEntry } from "./generated/HourEntry";
import type { HourInput } from "./generated/HourInput";
import type { HourQuery } from "./generated/HourQuery";
import type { HourTotals } from "./generated/HourTotals";
import type { Match } from "./generated/Match";
import type { MatchInput } from "./generated/MatchInput";
import type { MatchStatus } from "./generated/MatchStatus";
import type { Skill } from "./generated/Skill";
import type { SkillInput } from "./generated/SkillInput";
import type { Suggestions } from "./generated/Suggestions";
import type { Volunteer } from "./generated/Volunteer";
import type { VolunteerInput } from "./generated/VolunteerInput";
import type { VolunteerOverview } from "./generated/VolunteerOverview";
import type { VolunteerQuery } from "./generated/VolunteerQuery";
import type { VolunteerStatus } from "./generated/VolunteerStatus";
import type { VolunteerSummary } from "./generated/VolunteerSummary";
import type { Imported } from "./generated/Imported";
import type { ImportMapping } from "./generated/ImportMapping";
import type { ImportPreview } from "./generated/ImportPreview";
import type { ImportProgress } from "./generated/ImportProgress";
import type { ImportReport } from "./generated/ImportReport";
import type { CheckDue } from "./generated/CheckDue";
import type { HsdsExportSummary } from "./generated/HsdsExportSummary";
import type { ReportInput } from "./generated/ReportInput";
import type { ReportOutcome } from "./generated/ReportOutcome";
import type { FullExportOutcome } from "./generated/FullExportOutcome";
import type { ReportTexts } from "./generated/ReportTexts";
import type { ReportYears } from "./generated/ReportYears";
import type { PrivacyDocKind } from "./generated/PrivacyDocKind";
import type { PhoneNoteInput } from "./generated/PhoneNoteInput";
import type { TodoItem } from "./generated/TodoItem";
import type { CategoryPreview } from "./generated/CategoryPreview";
import type { ConsentFormInput } from "./generated/ConsentFormInput";
import type { PrivacyDocOutcome } from "./generated/PrivacyDocOutcome";
import type { PrivacyExport } from "./generated/PrivacyExport";
import type { DataBreach } from "./generated/DataBreach";
import type { DataBreachInput } from "./generated/DataBreachInput";
import type { HsdsFormat } from "./generated/HsdsFormat";
import type { HsdsReport } from "./generated/HsdsReport";
import type { LifeArea } from "./generated/LifeArea";
import type { Organisation } from "./generated/Organisation";
import type { OrganisationInput } from "./generated/OrganisationInput";
import type { OrganisationQuery } from "./generated/OrganisationQuery";
import type { OrganisationSummary } from "./generated/OrganisationSummary";
import type { ProfessionalFlag } from "./generated/ProfessionalFlag";
import type { Service } from "./generated/Service";
import type { ServiceDetail } from "./generated/ServiceDetail";
import type { ServiceInput } from "./generated/ServiceInput";
import type { ServiceQuery } from "./generated/ServiceQuery";
import type { ServiceSummary } from "./generated/ServiceSummary";
import type { Draft } from "./generated/Draft";
import type { DraftInput } from "./generated/DraftInput";
import type { DraftSummary } from "./generated/DraftSummary";
import type { FormKind } from "./generated/FormKind";
import type { Command } from "./generated/Command";
import type { OpenKind } from "./generated/OpenKind";
import type { SaveKind } from "./generated/SaveKind";
import type { InzageOutcome } from "./generated/InzageOutcome";
import type { PrivacyRequest } from "./generated/PrivacyRequest";
import type { PrivacyRequestInput } from "./generated/PrivacyRequestInput";
import type { ErasePlan } from "./generated/ErasePlan";
import type { EraseInput } from "./generated/EraseInput";
import type { Limits } from "./generated/Limits";
import type { Signal } from "./generated/Signal";
import type { SignalInput } from "./generated/SignalInput";
import type { SignalQuery } from "./generated/SignalQuery";
import type { SignalStep } from "./generated/SignalStep";
import type { Concern } from "./generated/Concern";
import type { ConcernInput } from "./generated/ConcernInput";
import type { PatternKey } from "./generated/PatternKey";

export type * from "./generated/Absence";
export type * from "./generated/SetupState";
export type * from "./generated/FirstSteps";
export type * from "./generated/WmoDesk";
export type * from "./generated/WmoDeskInput";
export type * from "./generated/BackupsLeft";
export type * from "./generated/Due";
export type * from "./generated/RetentionNotice";
export type * from "./generated/RetentionProgress";
export type * from "./generated/AuditAction";
export type * from "./generated/AuditLine";
export type * from "./generated/ChainBreak";
export type * from "./generated/ChainCheck";
export type * from "./generated/ChainProblem";
export type * from "./generated/ResidentHistory";
export type * from "./generated/AbsenceInput";
export type * from "./generated/AbsenceKind";
export type * from "./generated/AppStatus";
export type * from "./generated/Background";
export type * from "./generated/BackupInfo";
export type * from "./generated/BackupKind";
export type * from "./generated/BackupState";
export type * from "./generated/Counts";
export type * from "./generated/DamageKind";
export type * from "./generated/KeyProblem";
export type * from "./generated/LessData";
export type * from "./generated/Channel";
export type * from "./generated/Checkin";
export type * from "./generated/CheckinReminder";
export type * from "./generated/CheckinInput";
export type * from "./generated/ContactEntry";
export type * from "./generated/ContactPreference";
export type * from "./generated/ErrorCode";
export type * from "./generated/ErrorPayload";
export type * from "./generated/FieldError";
export type * from "./generated/HelpRequest";
export type * from "./generated/HourEntry";
export type * from "./generated/HourInput";
export type * from "./generated/HourQuery";
export type * from "./generated/HourTotals";
export type * from "./generated/LifeArea";
export type * from "./generated/Load";
export type * from "./generated/LoadLevel";
export type * from "./generated/Match";
export type * from "./generated/MatchInput";
export type * from "./generated/MatchStatus";
export type * from "./generated/Mobility";
export type * from "./generated/NetworkMember";
export type * from "./generated/NetworkRole";
export type * from "./generated/Page";
export type * from "./generated/Phase";
export type * from "./generated/Reason";
export type * from "./generated/RequestInput";
export type * from "./generated/RequestQuery";
export type * from "./generated/RequestKey";
export type * from "./generated/RequestSummary";
export type * from "./generated/Resident";
export type * from "./generated/ResidentInput";
export type * from "./generated/ResidentQuery";
export type * from "./generated/ResidentSummary";
export type * from "./generated/Rule";
export type * from "./generated/Scope";
export type * from "./generated/Settings";
export type * from "./generated/Skill";
export type * from "./generated/SkillInput";
export type * from "./generated/SkillRef";
export type * from "./generated/Status";
export type * from "./generated/StatusEntry";
export type * from "./generated/Suggestion";
export type * from "./generated/Suggestions";
export type * from "./generated/Today";
export type * from "./generated/AgeBand";
export type * from "./generated/AgendaInput";
export type * from "./generated/AgendaItem";
export type * from "./generated/AgendaStatus";
export type * from "./generated/Anchor";
export type * from "./generated/Cell";
export type * from "./generated/Chart";
export type * from "./generated/ChartKind";
export type * from "./generated/Drawing";
export type * from "./generated/Figures";
export type * from "./generated/Finding";
export type * from "./generated/FoundKind";
export type * from "./generated/Mark";
export type * from "./generated/MeetingItem";
export type * from "./generated/MeetingText";
export type * from "./generated/Period";
export type * from "./generated/PeriodChoice";
export type * from "./generated/Row";
export type * from "./generated/ScreenFigures";
export type * from "./generated/Section";
export type * from "./generated/Series";
export type * from "./generated/Table";
export type * from "./generated/Unit";
export type * from "./generated/Unavailable";
export type * from "./generated/Urgency";
export type * from "./generated/VogState";
export type * from "./generated/Volunteer";
export type * from "./generated/VolunteerAlert";
export type * from "./generated/VolunteerHours";
export type * from "./generated/VolunteerInput";
export type * from "./generated/VolunteerOverview";
export type * from "./generated/VolunteerQuery";
export type * from "./generated/VolunteerStatus";
export type * from "./generated/VolunteerSummary";
export type * from "./generated/Imported";
export type * from "./generated/ImportField";
export type * from "./generated/ImportFileKind";
export type * from "./generated/ImportMapping";
export type * from "./generated/ImportPreview";
export type * from "./generated/ImportProgress";
export type * from "./generated/ImportReport";
export type * from "./generated/MappingIssue";
export type * from "./generated/MappingProblem";
export type * from "./generated/PreviewRow";
export type * from "./generated/RowProblem";
export type * from "./generated/SkippedRow";
export type * from "./generated/UnknownSkill";
export type * from "./generated/Advice";
export type * from "./generated/Agreement";
export type * from "./generated/AgreementInput";
export type * from "./generated/CheckDue";
export type * from "./generated/CloseInput";
export type * from "./generated/CloseKind";
export type * from "./generated/Consent";
export type * from "./generated/ConsentHow";
export type * from "./generated/ConsentInput";
export type * from "./generated/ContactPerson";
export type * from "./generated/ContactPersonInput";
export type * from "./generated/DataCategory";
export type * from "./generated/DueReminder";
export type * from "./generated/ExportInput";
export type * from "./generated/ExportOutcome";
export type * from "./generated/ExportRecord";
export type * from "./generated/GivenBy";
export type * from "./generated/Handover";
export type * from "./generated/HandoverCase";
export type * from "./generated/HandoverConsent";
export type * from "./generated/HandoverPerson";
export type * from "./generated/HandoverRecipient";
export type * from "./generated/HandoverReferral";
export type * from "./generated/HandoverSender";
export type * from "./generated/Hint";
export type * from "./generated/HsdsExportSummary";
export type * from "./generated/ReportInput";
export type * from "./generated/ReportOutcome";
export type * from "./generated/FullExportOutcome";
export type * from "./generated/ReportTexts";
export type * from "./generated/ReportYears";
export type * from "./generated/PrivacyDocKind";
export type * from "./generated/PhoneNoteInput";
export type * from "./generated/TodoItem";
export type * from "./generated/CategoryPreview";
export type * from "./generated/ConsentFormInput";
export type * from "./generated/PrivacyDocOutcome";
export type * from "./generated/PrivacyExport";
export type * from "./generated/DataBreach";
export type * from "./generated/DataBreachInput";
export type * from "./generated/ApDeadline";
export type * from "./generated/DeadlineState";
export type * from "./generated/HsdsAction";
export type * from "./generated/HsdsFormat";
export type * from "./generated/HsdsProblem";
export type * from "./generated/HsdsReport";
export type * from "./generated/Location";
export type * from "./generated/MoreContact";
export type * from "./generated/OpeningHours";
export type * from "./generated/LocationInput";
export type * from "./generated/Organisation";
export type * from "./generated/OrganisationInput";
export type * from "./generated/OrganisationQuery";
export type * from "./generated/OrganisationSummary";
export type * from "./generated/Party";
export type * from "./generated/ProfessionalFlag";
export type * from "./generated/Referral";
export type * from "./generated/ReferralInput";
export type * from "./generated/ReferralStatus";
export type * from "./generated/ReferralStep";
export type * from "./generated/Reminder";
export type * from "./generated/ReminderInput";
export type * from "./generated/Service";
export type * from "./generated/ServiceDetail";
export type * from "./generated/ServiceInput";
export type * from "./generated/ServiceQuery";
export type * from "./generated/ServiceSummary";
export type * from "./generated/ServiceStatus";
export type * from "./generated/Draft";
export type * from "./generated/DraftInput";
export type * from "./generated/DraftSummary";
export type * from "./generated/FormKind";
export type * from "./generated/Command";
export type * from "./generated/OpenKind";
export type * from "./generated/SaveKind";
export type * from "./generated/InzageOutcome";
export type * from "./generated/PrivacyRequest";
export type * from "./generated/PrivacyRequestInput";
export type * from "./generated/PrivacyRequestKind";
export type * from "./generated/ErasePlan";
export type * from "./generated/EraseBlocker";
export type * from "./generated/HandedOver";
export type * from "./generated/EraseInput";
export type * from "./generated/Limits";
export type * from "./generated/Signal";
export type * from "./generated/SignalInput";
export type * from "./generated/SignalQuery";
export type * from "./generated/SignalStep";
export type * from "./generated/SignalStatus";
export type * from "./generated/SignalOutcome";
export type * from "./generated/NoticerKind";
export type * from "./generated/PlaceKind";
export type * from "./generated/Concern";
export type * from "./generated/ConcernInput";
export type * from "./generated/Pattern";
export type * from "./generated/PatternKey";

/** An error from the Rust side, with its stable code and field errors. */
export class ApiError extends Error {
  readonly payload: ErrorPayload;
  constructor(payload: ErrorPayload) {
    super(payload.message);
    this.name = "ApiError";
    this.payload = payload;
  }
  get code(): ErrorCode {
    return this.payload.code;
  }
}

/** Whatever `invoke` threw looks like a payload. Its code is taken as an
 *  `ErrorCode`: one this version does not know reads as internal (see errors.ts). */
function isPayload(e: unknown): e is Partial<ErrorPayload> & { code: ErrorCode; message: string } {
  return typeof e === "object" && e !== null && "code" in e && "message" in e;
}

/** Turns whatever `invoke` threw into an ApiError. */
export function toApiError(e: unknown): ApiError {
  if (e instanceof ApiError) return e;
  if (isPayload(e)) {
    return new ApiError({
      code: e.code,
      message: e.message,
      fields: Array.isArray(e.fields) ? e.fields : [],
      ids: Array.isArray(e.ids) ? e.ids : [],
      limit: typeof e.limit === "number" ? e.limit : null,
    });
  }
  return new ApiError({ code: "internal", message: String(e), fields: [], ids: [], limit: null });
}

let damaged: ((e: ApiError) => void) | null = null;

/** The app's answer when a command meets a damaged database while it is open
 *  (it asks for a full check and shows the restore screen). */
export function whenDamaged(handler: ((e: ApiError) => void) | null) {
  damaged = handler;
}

/** Call a command; only names of the Rust list (`src-tauri/src/command_list.rs`) type-check. */
async function call<T>(cmd: Command, args?: Record<string, unknown>): Promise<T> {
  const t0 = performance.now();
  try {
    return await invoke<T>(cmd, args);
  } catch (e) {
    const err = toApiError(e);
    if (err.code === "database_damaged" && cmd !== "check_database") damaged?.(err);
    throw err;
  } finally {
    traced(cmd, t0);
  }
}

/** `scripts/measure-window` sets `window.__buurtpuntTrace` to an array to
 *  see what a click waits for: each command's name, start and end. */
function traced(cmd: Command, t0: number) {
  const trace = (globalThis as { __buurtpuntTrace?: [string, number, number][] }).__buurtpuntTrace;
  if (Array.isArray(trace)) trace.push([cmd, t0, performance.now()]);
}

export type Created = { recoveryKey: string; status: AppStatus };

export const api = {
  // session
  appStatus: () => call<AppStatus>("app_status"),
  createHelpPoint: (passphrase: string) => call<Created>("create_help_point", { passphrase }),
  saveRecoverySheet: (path: string) => call<void>("save_recovery_sheet", { path }),
  confirmRecoverySaved: () => call<void>("confirm_recovery_saved"),
  unlock: (passphrase: string) => call<AppStatus>("unlock", { passphrase }),
  recover: (recoveryKey: string, newPassphrase: string) =>
    call<AppStatus>("recover", { recoveryKey, newPassphrase }),
  lock: () => call<AppStatus>("lock"),
  checkDatabase: () => call<AppStatus>("check_database"),
  dailyBackup: () => call<AppStatus>("daily_backup"),
  testFilesDir: () => call<string | null>("test_files_dir"),
  limits: () => call<Limits>("limits"),
  // file dialogs: the Rust side shows them and remembers the chosen path, the
  // only kind of path a command that reads or writes a file takes
  /** Which file to open; `null` when the user cancelled. */
  pickOpenFile: (kind: OpenKind) => call<string | null>("pick_open_file", { kind }),
  /** Where to save, suggesting a name; `null` when the user cancelled. */
  pickSaveFile: (kind: SaveKind, suggested: string) => call<string | null>("pick_save_file", { kind, suggested }),
  openDemo: () => call<AppStatus>("open_demo"),
  changePassphrase: (old: string, next: string) =>
    call<void>("change_passphrase", { old, new: next }),
  // residents
  listResidents: (query: ResidentQuery) => call<Page<ResidentSummary>>("list_residents", { query }),
  getResident: (id: number) => call<Resident>("get_resident", { id }),
  /** The resident's page: also writes "bekeken" in the log. */
  openResident: (id: number) => call<Resident>("open_resident", { id }),
  createResident: (input: ResidentInput, allowDuplicate: boolean) =>
    call<Resident>("create_resident", { input, allowDuplicate }),
  updateResident: (id: number, input: ResidentInput) =>
    call<Resident>("update_resident", { id, input }),
  listKernen: () => call<string[]>("list_kernen"),
  // requests
  listRequests: (query: RequestQuery) => call<Page<RequestSummary>>("list_requests", { query }),
  getRequest: (id: number) => call<HelpRequest>("get_request", { id }),
  /** The request's page: also writes "bekeken" in the log. */
  openRequest: (id: number) => call<HelpRequest>("open_request", { id }),
  createRequest: (input: RequestInput) => call<HelpRequest>("create_request", { input }),
  savePhoneNote: (input: PhoneNoteInput) => call<HelpRequest>("save_phone_note", { input }),
  updateRequest: (id: number, input: RequestInput) =>
    call<HelpRequest>("update_request", { id, input }),
  changeRequestStatus: (id: number, status: Status, reason: string) =>
    call<HelpRequest>("change_request_status", { id, status, reason }),
  addContactNote: (requestId: number, onDate: string, note: string) =>
    call<ContactEntry>("add_contact_note", { requestId, onDate, note }),
  // today
  today: () => call<Today>("today"),
  // retention (what passed its term; anonymising it step by step)
  retentionNotice: () => call<RetentionNotice>("retention_notice"),
  anonymiseStep: (after: number) => call<RetentionProgress>("anonymise_step", { after }),
  // meeting mode (only these are called while it is on)
  enterMeeting: () => call<AppStatus>("enter_meeting"),
  leaveMeeting: (passphrase: string) => call<AppStatus>("leave_meeting", { passphrase }),
  meetingFigures: (choice: PeriodChoice) => call<ScreenFigures>("meeting_figures", { choice }),
  meetingAgenda: () => call<MeetingItem[]>("meeting_agenda"),
  markAgendaDiscussed: (id: number) => call<MeetingItem[]>("mark_agenda_discussed", { id }),
  // the case discussion's agenda, on the request
  requestAgenda: (requestId: number) => call<AgendaItem[]>("request_agenda", { requestId }),
  addAgendaItem: (requestId: number, input: AgendaInput) => call<AgendaItem>("add_agenda_item", { requestId, input }),
  updateAgendaItem: (id: number, input: AgendaInput) => call<AgendaItem>("update_agenda_item", { id, input }),
  writeAgendaOutcome: (id: number, outcome: string) => call<AgendaItem>("write_agenda_outcome", { id, outcome }),
  // backups
  listBackups: () => call<BackupInfo[]>("list_backups"),
  exportBackup: (path: string) => call<Counts>("export_backup", { path }),
  restoreBackup: (path: string) => call<AppStatus>("restore_backup", { path }),
  restoreWithPassphrase: (path: string, passphrase: string) =>
    call<AppStatus>("restore_with_passphrase", { path, passphrase }),
  restoreWithRecoveryKey: (path: string, recoveryKey: string, newPassphrase: string) =>
    call<AppStatus>("restore_with_recovery_key", { path, recoveryKey, newPassphrase }),
  acceptLessData: () => call<AppStatus>("accept_less_data"),
  // settings
  getSettings: () => call<Settings>("get_settings"),
  updateSettings: (settings: Settings) => call<Settings>("update_settings", { settings }),
  // the first start of a real help point, and its first steps on Vandaag
  setupState: () => call<SetupState>("setup_state"),
  saveHelpPoint: (name: string, phone: string, email: string) =>
    call<Settings>("save_help_point", { name, phone, email }),
  saveKernen: (kernen: string[]) => call<string[]>("save_kernen", { kernen }),
  saveWmoDesk: (input: WmoDeskInput) => call<WmoDesk>("save_wmo_desk", { input }),
  finishSetup: (me: number) => call<ContactPerson>("finish_setup", { me }),
  firstSteps: () => call<FirstSteps>("first_steps"),
  hideFirstSteps: () => call<void>("hide_first_steps"),
  // skills (talents and tasks)
  listSkills: () => call<Skill[]>("list_skills"),
  createSkill: (input: SkillInput) => call<Skill>("create_skill", { input }),
  updateSkill: (id: number, input: SkillInput) => call<Skill>("update_skill", { id, input }),
  // volunteers
  getVolunteer: (id: number) => call<Volunteer | null>("get_volunteer", { id }),
  createVolunteer: (id: number, input: VolunteerInput, status: VolunteerStatus) =>
    call<Volunteer>("create_volunteer", { id, input, status }),
  createVolunteerPerson: (person: ResidentInput, allowDuplicate: boolean, input: VolunteerInput, status: VolunteerStatus) =>
    call<Volunteer>("create_volunteer_person", { person, allowDuplicate, input, status }),
  updateVolunteer: (id: number, input: VolunteerInput) => call<Volunteer>("update_volunteer", { id, input }),
  changeVolunteerStatus: (id: number, status: VolunteerStatus, onDate: string, reason: string) =>
    call<Volunteer>("change_volunteer_status", { id, status, onDate, reason }),
  listVolunteers: (query: VolunteerQuery) => call<Page<VolunteerSummary>>("list_volunteers", { query }),
  volunteerOverview: () => call<VolunteerOverview>("volunteer_overview"),
  addAbsence: (id: number, input: AbsenceInput) => call<Absence>("add_absence", { id, input }),
  removeAbsence: (id: number, absenceId: number) => call<void>("remove_absence", { id, absenceId }),
  addCheckin: (id: number, input: CheckinInput) => call<Checkin>("add_checkin", { id, input }),
  volunteerMatches: (id: number) => call<Match[]>("volunteer_matches", { id }),
  // matching and matches
  suggestVolunteers: (requestId: number) => call<Suggestions>("suggest_volunteers", { requestId }),
  createMatch: (input: MatchInput) => call<Match>("create_match", { input }),
  changeMatchStatus: (id: number, status: MatchStatus, note: string) =>
    call<Match>("change_match_status", { id, status, note }),
  updateMatchAgreement: (id: number, agreement: string, plannedOn: string) =>
    call<Match>("update_match_agreement", { id, agreement, plannedOn }),
  requestMatches: (requestId: number) => call<Match[]>("request_matches", { requestId }),
  // hours
  logHours: (input: HourInput) => call<HourEntry>("log_hours", { input }),
  removeHours: (id: number) => call<void>("remove_hours", { id }),
  matchHours: (matchId: number) => call<HourEntry[]>("match_hours", { matchId }),
  hourTotals: (query: HourQuery) => call<HourTotals>("hour_totals", { query }),
  // spreadsheet import
  importPreview: (path: string, sheet: string) => call<ImportPreview>("import_preview", { path, sheet }),
  importCheck: (path: string, mapping: ImportMapping) => call<ImportReport>("import_check", { path, mapping }),
  importRun: (path: string, mapping: ImportMapping) => call<Imported>("import_run", { path, mapping }),
  /** Progress of a running import (the `import-progress` event). */
  onImportProgress: (cb: (p: ImportProgress) => void): Promise<UnlistenFn> =>
    listen<ImportProgress>("import-progress", (e) => cb(e.payload)),
  // follow-up
  requestAgreements: (requestId: number) => call<Agreement[]>("request_agreements", { requestId }),
  addAgreement: (requestId: number, input: AgreementInput) => call<Agreement>("add_agreement", { requestId, input }),
  setAgreementDone: (id: number, done: boolean) => call<Agreement>("set_agreement_done", { id, done }),
  requestReminders: (requestId: number) => call<Reminder[]>("request_reminders", { requestId }),
  addReminder: (requestId: number, input: ReminderInput) => call<Reminder>("add_reminder", { requestId, input }),
  completeReminder: (id: number, note: string) => call<Reminder | null>("complete_reminder", { id, note }),
  snoozeReminder: (id: number, until: string, note: string) =>
    call<Reminder>("snooze_reminder", { id, until, note }),
  dueReminders: () => call<[DueReminder[], number]>("due_reminders"),
  closeRequest: (id: number, input: CloseInput) => call<HelpRequest>("close_request", { id, input }),
  // consent and the export log
  residentConsents: (residentId: number) => call<Consent[]>("resident_consents", { residentId }),
  recordConsent: (residentId: number, input: ConsentInput) => call<Consent>("record_consent", { residentId, input }),
  withdrawConsent: (id: number, onDate: string) => call<Consent>("withdraw_consent", { id, onDate }),
  residentExports: (residentId: number) => call<ExportRecord[]>("resident_exports", { residentId }),
  consentPreview: (residentId: number, requestId: number | null) =>
    call<CategoryPreview[]>("consent_preview", { residentId, requestId }),
  makeConsentForm: (residentId: number, input: ConsentFormInput, path: string) =>
    call<string>("make_consent_form", { residentId, input, path }),
  // referrals and the handover
  requestReferrals: (requestId: number) => call<Referral[]>("request_referrals", { requestId }),
  createReferral: (requestId: number, input: ReferralInput) =>
    call<Referral>("create_referral", { requestId, input }),
  updateReferral: (id: number, input: ReferralInput) => call<Referral>("update_referral", { id, input }),
  changeReferralStatus: (id: number, status: ReferralStatus, step: ReferralStep) =>
    call<Referral>("change_referral_status", { id, status, step }),
  openWmoReferrals: () => call<Referral[]>("open_wmo_referrals"),
  professionalAdvice: (requestId: number) => call<Advice>("professional_advice", { requestId }),
  exportHandover: (input: ExportInput, path: string) => call<ExportOutcome>("export_handover", { input, path }),
  // contact persons of the help point
  listContactPersons: () => call<ContactPerson[]>("list_contact_persons"),
  createContactPerson: (input: ContactPersonInput) => call<ContactPerson>("create_contact_person", { input }),
  updateContactPerson: (id: number, input: ContactPersonInput) =>
    call<ContactPerson>("update_contact_person", { id, input }),
  // audit log (logboek) and who is working
  currentContactPerson: () => call<ContactPerson | null>("current_contact_person"),
  chooseContactPerson: (id: number) => call<ContactPerson>("choose_contact_person", { id }),
  checkAuditLog: () => call<ChainCheck>("check_audit_log"),
  residentAuditLog: (residentId: number, limit: number) =>
    call<ResidentHistory>("resident_audit_log", { residentId, limit }),
  // social map (sociale kaart)
  listOrganisations: (query: OrganisationQuery) =>
    call<Page<OrganisationSummary>>("list_organisations", { query }),
  getOrganisation: (id: number) => call<Organisation>("get_organisation", { id }),
  createOrganisation: (input: OrganisationInput) => call<Organisation>("create_organisation", { input }),
  updateOrganisation: (id: number, input: OrganisationInput) =>
    call<Organisation>("update_organisation", { id, input }),
  deleteOrganisation: (id: number) => call<void>("delete_organisation", { id }),
  markOrganisationChecked: (id: number, by: string) =>
    call<Organisation>("mark_organisation_checked", { id, by }),
  createService: (organisationId: number, input: ServiceInput) =>
    call<Service>("create_service", { organisationId, input }),
  updateService: (id: number, input: ServiceInput) => call<Service>("update_service", { id, input }),
  deleteService: (id: number) => call<void>("delete_service", { id }),
  getService: (id: number) => call<ServiceDetail>("get_service", { id }),
  listServices: (query: ServiceQuery) => call<Page<ServiceSummary>>("list_services", { query }),
  suggestServices: (flags: ProfessionalFlag[], areas: LifeArea[], limit: number) =>
    call<ServiceSummary[]>("suggest_services", { flags, areas, limit }),
  socialMapDue: () => call<CheckDue>("social_map_due"),
  importSocialMap: (path: string) => call<HsdsReport>("import_social_map", { path }),
  exportSocialMap: (path: string, format: HsdsFormat) =>
    call<HsdsExportSummary>("export_social_map", { path, format }),
  // drafts (concepten) of forms
  saveDraft: (input: DraftInput) => call<DraftSummary>("save_draft", { input }),
  listDrafts: () => call<DraftSummary[]>("list_drafts"),
  getDraft: (kind: FormKind, context: string) => call<Draft | null>("get_draft", { kind, context }),
  discardDraft: (kind: FormKind, context: string) => call<void>("discard_draft", { kind, context }),
  // the annual report (jaarverslag)
  reportYears: () => call<ReportYears>("report_years"),
  reportTexts: (year: number) => call<ReportTexts>("report_texts", { year }),
  saveReportTexts: (texts: ReportTexts) => call<ReportTexts>("save_report_texts", { texts }),
  makeReport: (input: ReportInput, path: string) => call<ReportOutcome>("make_report", { input, path }),
  // privacy: the group's paperwork and the data breach register
  makePrivacyDoc: (kind: PrivacyDocKind, path: string) =>
    call<PrivacyDocOutcome>("make_privacy_doc", { kind, path }),
  privacyDocsMade: () => call<PrivacyExport[]>("privacy_docs_made"),
  listDataBreaches: () => call<DataBreach[]>("list_data_breaches"),
  createDataBreach: (input: DataBreachInput) => call<DataBreach>("create_data_breach", { input }),
  updateDataBreach: (id: number, input: DataBreachInput) => call<DataBreach>("update_data_breach", { id, input }),
  // a person's rights: inzage (PDF + JSON), their privacy requests, erasure
  makeInzage: (residentId: number, path: string, requestDone: number | null) =>
    call<InzageOutcome>("make_inzage", { residentId, path, requestDone }),
  createPrivacyRequest: (input: PrivacyRequestInput) => call<PrivacyRequest>("create_privacy_request", { input }),
  openPrivacyRequests: () => call<PrivacyRequest[]>("open_privacy_requests"),
  residentPrivacyRequests: (residentId: number) =>
    call<PrivacyRequest[]>("resident_privacy_requests", { residentId }),
  finishPrivacyRequest: (id: number) => call<PrivacyRequest>("finish_privacy_request", { id }),
  erasePlan: (residentId: number) => call<ErasePlan>("erase_plan", { residentId }),
  eraseResident: (input: EraseInput) => call<void>("erase_resident", { input }),
  // "Alles exporteren": every table in one ZIP at the chosen path
  fullExport: (path: string) => call<FullExportOutcome>("full_export", { path }),
  // signals (signalen)
  listSignals: (query: SignalQuery) => call<Page<Signal>>("list_signals", { query }),
  getSignal: (id: number) => call<Signal>("get_signal", { id }),
  createSignal: (input: SignalInput) => call<Signal>("create_signal", { input }),
  updateSignal: (id: number, input: SignalInput) => call<Signal>("update_signal", { id, input }),
  changeSignalStatus: (id: number, step: SignalStep) => call<Signal>("change_signal_status", { id, step }),
  residentSignals: (residentId: number) => call<Signal[]>("resident_signals", { residentId }),
  requestSignals: (requestId: number) => call<Signal[]>("request_signals", { requestId }),
  makeRequestFromSignal: (signalId: number, input: RequestInput) =>
    call<HelpRequest>("make_request_from_signal", { signalId, input }),
  makeCollectiveRequest: (key: PatternKey) => call<HelpRequest>("make_collective_request", { key }),
  listSignalConcerns: (withHidden: boolean) => call<Concern[]>("list_signal_concerns", { withHidden }),
  addSignalConcern: (input: ConcernInput) => call<Concern>("add_signal_concern", { input }),
  setSignalConcernHidden: (id: number, hidden: boolean) =>
    call<Concern[]>("set_signal_concern_hidden", { id, hidden }),
};

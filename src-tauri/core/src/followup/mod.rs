//! Follow-up of a request: concrete agreements (who does what by when) and
//! dated reminders, once or repeating, that show on the Vandaag screen.

mod agreements;
mod reminders;

pub use agreements::{
    add_agreement, agreements_of, set_agreement_done, Agreement, AgreementInput, Party,
};
pub(crate) use reminders::insert as insert_reminder;
pub use reminders::{
    add_reminder, complete_reminder, due_reminders, reminders_of, snooze_reminder, DueReminder,
    Reminder, ReminderInput,
};

// One question at a time in an in-app dialog (see components/AskDialog.svelte):
// `ask` shows it and resolves with the chosen answer. The first choice is
// always the safe one: it has the focus, and Escape gives it.

export type Tone = "safe" | "keep" | "danger";
export type Choice<V extends string = string> = { value: V; label: string; id: string; tone: Tone };
export type Question<V extends string = string> = {
  title: string;
  text: string;
  /** What the question is about, shown as a list (e.g. the forms with changes). */
  items?: string[];
  /** A second paragraph under the list. */
  after?: string;
  choices: Choice<V>[];
};

type Open = Question & { answer: (value: string) => void };

export const asking = $state<{ open: Open | null }>({ open: null });

export function ask<V extends string>(q: Question<V>): Promise<V> {
  // A new question answers the one still open with its safe choice.
  dismiss();
  return new Promise<V>((resolve) => {
    asking.open = {
      ...q,
      answer: (value: string) => {
        asking.open = null;
        resolve(value as V);
      },
    };
  });
}

/** Answer the open question (if any) with its safe choice. */
export function dismiss(): void {
  const open = asking.open;
  if (open) open.answer(open.choices[0].value);
}

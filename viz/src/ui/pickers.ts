/**
 * Type-ahead pickers on <input list>: as the user types, names matching the
 * text are fetched into the datalist; choosing one resolves it to its id.
 */
import { debounce, fill, h } from './dom.js';

export interface Choice {
  id: string;
  name: string;
}

export interface Picker {
  /** Shows a choice without firing onChoose. */
  show(choice: Choice | null): void;
}

export function picker(
  input: HTMLInputElement,
  list: HTMLDataListElement,
  find: (text: string) => Promise<Choice[]>,
  onChoose: (choice: Choice | null) => void,
): Picker {
  let known = new Map<string, Choice>();
  let current: string | null = null;
  const choose = (choice: Choice | null) => {
    if ((choice?.id ?? null) === current) return;
    current = choice?.id ?? null;
    onChoose(choice);
  };
  const refresh = debounce(async (text: string) => {
    try {
      const choices = await find(text);
      known = new Map(choices.map((c) => [c.name, c]));
      fill(
        list,
        choices.map((c) => h('option', { value: c.name }, c.id)),
      );
    } catch {
      // Suggestions are an aid; typing an exact name or id still works.
    }
  }, 150);
  input.addEventListener('input', () => {
    const exact = known.get(input.value);
    if (exact) choose(exact);
    else refresh(input.value.trim());
  });
  input.addEventListener('change', async () => {
    const text = input.value.trim();
    if (text === '') return choose(null);
    const match = (choices: Iterable<Choice>) => {
      const list = [...choices];
      const lowered = text.toLocaleLowerCase();
      return (
        list.find((c) => c.name === text || c.id === text) ??
        list.find((c) => c.name.toLocaleLowerCase() === lowered) ??
        (list.length === 1 ? list[0] : undefined)
      );
    };
    const chosen = match(known.values()) ?? match(await find(text).catch(() => []));
    if (chosen) {
      input.value = chosen.name;
      choose(chosen);
    } else input.setCustomValidity(`Nothing is called '${text}'`);
    input.reportValidity();
  });
  input.addEventListener('input', () => input.setCustomValidity(''));
  input.addEventListener('focus', () => refresh(input.value.trim()));
  return {
    show(choice) {
      current = choice?.id ?? null;
      input.value = choice?.name ?? '';
      if (choice) known.set(choice.name, choice);
    },
  };
}

// Numbers as Dutch readers write them: 20.000 (a dot between thousands).
// Written out by hand so it is the same in every WebKit and in jsdom.

/** A whole number with Dutch thousands dots: 20000 → "20.000". */
export function dutch(n: number): string {
  const sign = n < 0 ? "-" : "";
  const digits = String(Math.trunc(Math.abs(n)));
  return sign + digits.replace(/\B(?=(\d{3})+(?!\d))/g, ".");
}

/** "1 bewoner", "12 bewoners", "1.204 hulpvragen". */
export function count(n: number, one: string, many: string): string {
  return `${dutch(n)} ${n === 1 ? one : many}`;
}

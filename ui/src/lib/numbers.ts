// Numbers in messages the Dutch way: a dot between thousands, a comma before
// decimals ("20.000 tekens", "1.234,5 uur"). Written out by hand, so every
// engine (jsdom, WebKit) gives the same text whatever its locale data.

/** A whole number: 20000 → "20.000". */
export function dutchInt(n: number): string {
  const sign = n < 0 ? "-" : "";
  return sign + group(String(Math.trunc(Math.abs(n))));
}

/** A number with at most `decimals` decimals: 1234.5 → "1.234,5", 2 → "2". */
export function dutchDecimal(n: number, decimals = 2): string {
  const sign = n < 0 ? "-" : "";
  const [whole, frac = ""] = Math.abs(n).toFixed(decimals).split(".");
  const kept = frac.replace(/0+$/, "");
  const text = group(whole) + (kept ? `,${kept}` : "");
  return text === "0" ? text : sign + text;
}

/** "1 bewoner", "12 bewoners", "1.204 hulpvragen". */
export function count(n: number, one: string, many: string): string {
  return `${dutchInt(n)} ${n === 1 ? one : many}`;
}

function group(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+$)/g, ".");
}

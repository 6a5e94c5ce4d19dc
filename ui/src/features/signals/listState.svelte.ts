// The signal list's filters survive going to a signal and back.
export const listState = $state({
  status: "",
  concern: "",
  page: 0,
});

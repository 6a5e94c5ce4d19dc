// The request list's filters survive going to a request and back.
export const listState = $state({
  text: "",
  status: "",
  area: "",
  kern: "",
  urgency: "",
  page: 0,
});

// The volunteers list's filters survive going to a person and back.
export const volunteerListState = $state({
  text: "",
  status: "",
  skill: "",
  kern: "",
  page: 0,
});

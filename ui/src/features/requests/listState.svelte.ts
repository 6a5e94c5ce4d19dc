import type { RequestKey } from "../../lib/api";
import type { Seek } from "../../lib/pagedList.svelte";

// The request list's filters survive going to a request and back.
export const listState = $state<{
  text: string;
  status: string;
  area: string;
  kern: string;
  urgency: string;
  page: number;
  seek: Seek<RequestKey>;
}>({
  text: "",
  status: "",
  area: "",
  kern: "",
  urgency: "",
  page: 0,
  seek: { after: null, before: null },
});

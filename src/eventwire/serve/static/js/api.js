// Talking to the API: query strings from the filter state, JSON in, errors as readable messages.

const FILTER_KEYS = [
  "type", "modality", "country", "actor", "text", "since", "until", "place", "geonames_id", "story",
  "actor_country", "recipient_country", "actor_name", "recipient_name",
];

export function queryString(filters, extra = {}, omit = []) {
  const params = new URLSearchParams();
  for (const key of FILTER_KEYS) {
    if (omit.includes(key)) continue;
    const value = filters[key];
    if (value !== undefined && value !== null && value !== "") params.set(key, String(value));
  }
  for (const [key, value] of Object.entries(extra)) {
    if (value !== undefined && value !== null && value !== "") params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : "";
}

export class ApiError extends Error {}

export async function getJSON(path) {
  const response = await fetch(path, { headers: { Accept: "application/json" } });
  let body = null;
  try {
    body = await response.json();
  } catch {
    body = null;
  }
  if (!response.ok) {
    const message = body && body.error ? body.error.message : `${response.status} ${response.statusText}`;
    throw new ApiError(message);
  }
  return body;
}

// Each view keeps only its latest answer: an older request finishing late is dropped.
export function latestOnly() {
  let seq = 0;
  return async (path) => {
    const mine = ++seq;
    const body = await getJSON(path);
    return mine === seq ? body : null;
  };
}

export { FILTER_KEYS };

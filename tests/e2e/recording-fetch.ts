/** A fetch that records what a client library sent and what it got, to assert on its requests. */
export interface Recorded {
  method: string;
  status: number;
  url: string;
  /** The Accept header the client sent. */
  accept: string | null;
}

export function recordingFetch(): { fetch: typeof fetch; requests: Recorded[] } {
  const requests: Recorded[] = [];
  const recorder: typeof fetch = async (input, init) => {
    const response = await fetch(input, init);
    requests.push({ method: init?.method ?? 'GET', status: response.status, url: String(input), accept: new Headers(init?.headers).get('accept') });
    return response;
  };
  return { fetch: recorder, requests };
}

/** Method and status of each request, in order. */
export const exchanges = (requests: Recorded[]) => requests.map(({ method, status }) => ({ method, status }));

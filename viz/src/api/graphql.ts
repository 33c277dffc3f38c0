/** The map's only way to the server: POST /graphql, and the graphChanged subscription over a websocket. */
export class GraphQLRequestError extends Error {
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
  }
}

const TOKEN_KEY = 'mandatemap-token';

/** The API token the user gave for this tab (servers with tokens require one). */
export function apiToken(): string | null {
  return sessionStorage.getItem(TOKEN_KEY);
}

export function setApiToken(token: string | null): void {
  if (token) sessionStorage.setItem(TOKEN_KEY, token);
  else sessionStorage.removeItem(TOKEN_KEY);
}

/** Called when the server asks for a token; the app shows its token form. */
let onUnauthenticated: (() => void) | undefined;
export function whenUnauthenticated(handler: () => void): void {
  onUnauthenticated = handler;
}

/** The Authorization header of the tab's token, if it has one: every request to the server sends it. */
export function authHeaders(): Record<string, string> {
  const token = apiToken();
  return token ? { authorization: `Bearer ${token}` } : {};
}

export async function gql<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const response = await fetch('/graphql', {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/json',
      ...authHeaders(),
    },
    body: JSON.stringify({ query, variables }),
  });
  if (response.status === 401) onUnauthenticated?.();
  let body: { data?: T; errors?: { message: string; extensions?: { code?: string } }[] };
  try {
    body = await response.json();
  } catch {
    throw new GraphQLRequestError(`the server answered ${response.status}`, 'HTTP_ERROR');
  }
  const error = body.errors?.[0];
  if (error) throw new GraphQLRequestError(error.message, error.extensions?.code ?? 'ERROR');
  if (!body.data) throw new GraphQLRequestError('the server sent no data', 'NO_DATA');
  return body.data;
}

/**
 * Calls `onChange` after each committed write (graphql-transport-ws protocol),
 * reconnecting with back-off when the connection drops. Returns a stop function.
 */
export function subscribeToChanges(onChange: (version: number) => void): () => void {
  let socket: WebSocket | undefined;
  let stopped = false;
  let delay = 1_000;
  const open = () => {
    const url = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/graphql`;
    socket = new WebSocket(url, 'graphql-transport-ws');
    socket.onopen = () => {
      const token = apiToken();
      socket?.send(
        JSON.stringify({
          type: 'connection_init',
          payload: token ? { authorization: `Bearer ${token}` } : {},
        }),
      );
    };
    socket.onmessage = (event) => {
      const message = JSON.parse(String(event.data)) as {
        type: string;
        payload?: { data?: { graphChanged?: { version: number } } };
      };
      if (message.type === 'connection_ack') {
        delay = 1_000;
        socket?.send(
          JSON.stringify({
            id: 'changes',
            type: 'subscribe',
            payload: { query: 'subscription { graphChanged { version } }' },
          }),
        );
      } else if (message.type === 'next') {
        const version = message.payload?.data?.graphChanged?.version;
        if (typeof version === 'number') onChange(version);
      } else if (message.type === 'ping') {
        socket?.send(JSON.stringify({ type: 'pong' }));
      }
    };
    socket.onclose = () => {
      if (stopped) return;
      setTimeout(open, delay);
      delay = Math.min(delay * 2, 30_000);
    };
  };
  open();
  return () => {
    stopped = true;
    socket?.close();
  };
}

// The client has no proxy code: in the extension host, VS Code's proxy agent (@vscode/proxy-agent) routes node's
// http(s) requests through `http.proxy`. When it cannot connect to the proxy it swallows the socket error and throws
// `Failed to establish a socket connection to proxies: PROXY <credentials>@127.0.0.1:9` (entries separated by `;`,
// credentials already masked), which node-fetch wraps into its own message.
const unreachableProxies = /Failed to establish a socket connection to proxies: (.+)$/m;

/** The proxies (host:port, without credentials) named in an error from VS Code's proxy agent, or undefined. */
export function unreachableProxiesIn(message: string): string | undefined {
  const listed = unreachableProxies.exec(message)?.[1];
  if (!listed) return undefined;
  const proxies = listed.split(';').map((entry) => entry.trim().split(/\s+/).at(-1)!.replace(/^.*@/, ''))
    .filter((proxy) => proxy && proxy !== 'DIRECT');
  return proxies.length > 0 ? proxies.join(', ') : undefined;
}

// The V8 profiler of the extension host this script runs in, through node:inspector (used by the scale and profile
// tasks in index.ts).
import * as inspector from 'node:inspector';

function post<T>(session: inspector.Session, method: string, params?: object): Promise<T> {
  return new Promise((resolve, reject) => {
    session.post(method, params ?? {}, (error, result) => (error ? reject(error) : resolve(result as T)));
  });
}

export async function startProfiler(): Promise<inspector.Session> {
  const session = new inspector.Session();
  session.connect();
  await post(session, 'Profiler.enable');
  await post(session, 'Profiler.setSamplingInterval', { interval: 50 });
  await post(session, 'Profiler.start');
  return session;
}

export async function stopProfiler(session: inspector.Session): Promise<unknown> {
  const { profile: data } = await post<{ profile: unknown }>(session, 'Profiler.stop');
  session.disconnect();
  return data;
}

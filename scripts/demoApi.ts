// The demo Heroku API as `npm start` serves it. Its port, token and data are the same on every run, so the provider
// a person added last time (whose Account ID is the demo API's URL) still connects after a restart.
import { startFakeHeroku, type FakeHeroku } from './demoHeroku';
import { defaultVsCodePort, isAddressInUse, portSetting, portTakenError } from './ports';

export interface DemoApiSettings {
  readonly port: number;
  readonly apps: number;
  readonly token: string;
}

/** `DEMO_API_PORT`, else the VS Code port (`PORT`) + 1; `DEMO_APPS` apps (1,500); `DEMO_TOKEN`. */
export function demoApiSettings(env: NodeJS.ProcessEnv): DemoApiSettings {
  const besideVsCode = portSetting(env, 'PORT', defaultVsCodePort) + 1;
  return {
    port: portSetting(env, 'DEMO_API_PORT', besideVsCode),
    apps: Number(env.DEMO_APPS ?? 1500),
    token: env.DEMO_TOKEN ?? 'demo-heroku-token-0000',
  };
}

export async function startDemoApi(settings: DemoApiSettings): Promise<FakeHeroku> {
  try {
    return await startFakeHeroku(settings);
  } catch (error) {
    throw isAddressInUse(error) ? portTakenError(settings.port, 'the demo Heroku API', 'DEMO_API_PORT') : error;
  }
}

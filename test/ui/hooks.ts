// One code-server and one browser for every UI test: starting them is most of a UI test's cost.
import { workbench } from './workbench';

export const mochaHooks = {
  async beforeAll(this: Mocha.Context): Promise<void> {
    this.timeout(300_000);
    await workbench.start();
  },
  async afterEach(this: Mocha.Context): Promise<void> {
    if (this.currentTest?.state === 'failed') await workbench.screenshot(`failure-${this.currentTest.title.replace(/\W+/g, '-')}`);
  },
  async afterAll(this: Mocha.Context): Promise<void> {
    this.timeout(60_000);
    await workbench.stop();
  },
};

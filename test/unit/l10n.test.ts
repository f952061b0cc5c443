// The localisation pipeline: the committed English bundle is what `npm run l10n` extracts from src/, every English
// key has a German translation (and German has no keys English lost), translations keep placeholders and link
// targets, and texts from modules without a `vscode` import come out German once `@vscode/l10n` has the bundle, as
// the extension configures it on activation. Failures name the exact keys, so a merge that added strings shows what to
// translate.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as l10n from '@vscode/l10n';
import { getL10nJson } from '@vscode/l10n-dev';
import { formStrings, formTitle } from '../../src/forms/strings';
import { herokuMessages } from '../../src/heroku';
import { formatProblem, problem, problemCodes } from '../../src/model/problems';
import { problemTemplates, problemText } from '../../src/model/problemTexts';
import { validateProviderInput } from '../../src/model/validation';
import {
  ConcurrentModificationError,
  CredentialInUseError,
  MissingSecretError,
  NotFoundError,
  SecretStorageUnavailableError,
  UnsupportedSchemaError,
  ValidationError,
} from '../../src/store/errors';
import { renderTicket } from '../../src/tickets/render';

const root = path.resolve(__dirname, '..', '..');
const translatedLanguages = ['de'];

type Messages = Record<string, string>;

function readJson(relativePath: string): Messages {
  return JSON.parse(fs.readFileSync(path.join(root, relativePath), 'utf8')) as Messages;
}

/** What `vscode-l10n-dev export ./src` (npm run l10n) writes to l10n/bundle.l10n.json. */
async function exportFromSources(): Promise<Messages> {
  const sources = (fs.readdirSync(path.join(root, 'src'), { recursive: true }) as string[])
    .filter((file) => /\.(ts|tsx|js|jsx)$/.test(file))
    .map((file) => ({ extension: path.extname(file), contents: fs.readFileSync(path.join(root, 'src', file), 'utf8') }));
  return await getL10nJson(sources) as Messages;
}

function keyDifference(expected: Messages, actual: Messages): { missing: string[]; extra: string[] } {
  return {
    missing: Object.keys(expected).filter((key) => !(key in actual)),
    extra: Object.keys(actual).filter((key) => !(key in expected)),
  };
}

/** The parts a translation must carry over unchanged: `{0}` placeholders, command links and link targets. */
function invariantParts(text: string): string[] {
  const placeholders = text.match(/\{\d+\}/g) ?? [];
  const linkTargets = [...text.matchAll(/\]\(([^)\s]+)\)/g)].map((match) => match[1]!);
  const urls = text.match(/\b(?:command:[\w.]+|https?:\/\/[^\s)]+)/g) ?? [];
  return [...placeholders, ...linkTargets, ...urls].sort();
}

function describeTranslation(english: string, translated: string, translation: string): void {
  const englishMessages = readJson(english);
  const translatedMessages = readJson(translated);

  it(`${translated} translates every key of ${english} and nothing else`, () => {
    const { missing, extra } = keyDifference(englishMessages, translatedMessages);
    assert.deepEqual({ missing, extra }, { missing: [], extra: [] },
      `${translated}: translate the missing keys and remove the extra (stale) ones`);
  });

  it(`${translated} has no empty or untrimmed ${translation} texts`, () => {
    const bad = Object.entries(translatedMessages).filter(([, text]) => text.trim() === '' || text !== text.trim()).map(([key]) => key);
    assert.deepEqual(bad, []);
  });

  it(`${translated} keeps the placeholders, command links and link targets of ${english}`, () => {
    const changed = Object.keys(englishMessages).filter((key) => key in translatedMessages)
      .filter((key) => invariantParts(englishMessages[key]!).join(' ') !== invariantParts(translatedMessages[key]!).join(' '))
      .map((key) => ({ key, english: invariantParts(englishMessages[key]!), translated: invariantParts(translatedMessages[key]!) }));
    assert.deepEqual(changed, []);
  });
}

describe('localisation', function () {
  this.timeout(60_000); // the extractor parses every source file with tree-sitter

  it('l10n/bundle.l10n.json is what `npm run l10n` extracts from src/ (run it after changing texts)', async () => {
    const extracted = await exportFromSources();
    const committed = readJson('l10n/bundle.l10n.json');
    const { missing, extra } = keyDifference(extracted, committed);
    assert.deepEqual({ notInCommittedBundle: missing, noLongerInSources: extra }, { notInCommittedBundle: [], noLongerInSources: [] });
    assert.deepEqual(committed, extracted);
  });

  it('package.json points VS Code at the bundles', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { l10n?: string };
    assert.equal(manifest.l10n, './l10n');
  });

  it('every %key% of package.json is in package.nls.json, and package.nls.json has no unused keys', () => {
    const manifestText = fs.readFileSync(path.join(root, 'package.json'), 'utf8');
    const used = new Set([...manifestText.matchAll(/"%([^%"]+)%"/g)].map((match) => match[1]!));
    const { missing, extra } = keyDifference(Object.fromEntries([...used].map((key) => [key, key])), readJson('package.nls.json'));
    assert.deepEqual({ notInPackageNls: missing, unused: extra }, { notInPackageNls: [], unused: [] });
  });

  for (const language of translatedLanguages) {
    describe(`language "${language}"`, () => {
      describeTranslation('l10n/bundle.l10n.json', `l10n/bundle.l10n.${language}.json`, language);
      describeTranslation('package.nls.json', `package.nls.${language}.json`, language);
    });
  }

  describe('modules without vscode, with the German bundle configured as on activation', () => {
    before(() => l10n.config({ contents: readJson('l10n/bundle.l10n.de.json') }));
    after(() => l10n.config({ contents: {} }));

    it('the ticket text in the output channel', () => {
      const text = renderTicket({
        number: 7, scopeName: 'Production', providerName: 'Heroku', startedAt: '2024-06-01T11:59:30.000Z',
        apps: [{ name: 'web', region: 'eu', stack: 'heroku-24', updatedAt: '2024-06-01T11:55:00Z' }],
      }, new Date('2024-06-01T12:00:00Z'));
      assert.match(text, /^Ticket #7 · Bereich „Production“ · Anbieter „Heroku“ · 2024-06-01T11:59:30.000Z\n/);
      assert.match(text, /ZULETZT GEÄNDERT \(UTC\)/);
      assert.match(text, /2024-06-01 11:55 {2}vor 5 Minuten\n/);
      assert.match(text, /\n1 App\n/);
    });

    it('a Heroku client error', () => {
      assert.equal(herokuMessages.timeout('api.heroku.com', 30),
        'api.heroku.com hat nicht innerhalb von 30 Sekunden geantwortet. Prüfen Sie Ihre Netzwerkverbindung und die Konto-ID und versuchen Sie es dann erneut.');
    });

    it('the form labels and panel title', () => {
      assert.equal(formStrings('credential', 'create').fieldSensitive, 'Vertraulich');
      assert.equal(formTitle('scope', 'edit', 'Production'), 'Bereich bearbeiten: Production');
    });

    it('every field error, in the texts the form sends to its webview', () => {
      const templates = formStrings('provider', 'create').problems;
      l10n.config({ contents: {} });
      const english = problemTemplates();
      l10n.config({ contents: readJson('l10n/bundle.l10n.de.json') });
      assert.deepEqual(problemCodes.filter((code) => templates[code] === english[code]), [], 'codes whose text stayed English');
      const result = validateProviderInput({ name: 'Lokal', accountId: 'http://example.com' }, []);
      assert.ok(!result.ok);
      assert.equal(formatProblem(result.errors[0]!, templates),
        'Einfaches http:// ist nur für einen Loopback-Host erlaubt (localhost, 127.0.0.1, [::1]). Verwenden Sie https://.');
      assert.equal(problemText(problem('currentValueWrongType', 'Number', problem('numberInvalid'))),
        'Der aktuelle Wert passt nicht zum Typ Number. Geben Sie eine Zahl ein, zum Beispiel 42 oder 3.5.');
    });

    it('the store\'s messages', () => {
      assert.equal(new ValidationError('provider', [{ field: 'name', ...problem('providerNameTaken', 'Heroku') }]).message,
        'Der Anbieter wurde nicht gespeichert: Es gibt bereits einen Anbieter namens „Heroku“.');
      assert.match(new NotFoundError('scope', 's1').message, /^Den Bereich gibt es nicht mehr/);
      assert.match(new CredentialInUseError('token', ['a', 'b']).message, /^Die Zugangsdaten „token“ werden von den Bereichen "a", "b" verwendet\./);
      assert.match(new MissingSecretError('token', ['apitoken']).message, /^Die Zugangsdaten „token“ haben keinen gespeicherten Wert für "apitoken"\./);
      assert.match(new UnsupportedSchemaError(9).message, /\(Datenversion 9\)/);
      assert.match(new ConcurrentModificationError().message, /^Die Anbieter wurden gleichzeitig/);
      assert.match(new SecretStorageUnavailableError('save the credential "x"', 'locked').message, /^Der Geheimnisspeicher ist nicht verfügbar.*\(Ursache: locked\)$/);
    });
  });
});

import * as assert from 'node:assert/strict';
import { contentSecurityPolicy, escapeAttribute, renderFormHtml } from '../../src/forms/html';

const cspSource = 'https://file+.vscode-resource.vscode-cdn.net';
const nonce = 'q1w2e3r4t5y6u7i8o9p0aA==';

function html(title = 'Add Provider'): string {
  return renderFormHtml({
    cspSource,
    nonce,
    scriptUri: `${cspSource}/ext/dist/webview/main.js`,
    styleUri: `${cspSource}/ext/dist/webview/main.css`,
    codiconUri: `${cspSource}/ext/dist/webview/codicon.css`,
    title,
    language: 'en',
  });
}

describe('form webview HTML', () => {
  it('has the strict CSP: nonce-only scripts, no inline styles, no eval, no form submission', () => {
    const csp = contentSecurityPolicy(cspSource, nonce);
    const directives = new Map(csp.split(';').map((part) => part.trim().split(/\s+/)).map(([name, ...values]) => [name!, values]));
    assert.deepEqual(directives.get('default-src'), ["'none'"]);
    assert.deepEqual(directives.get('script-src'), [`'nonce-${nonce}'`]);
    assert.deepEqual(directives.get('style-src'), [cspSource, `'nonce-${nonce}'`]);
    assert.deepEqual(directives.get('font-src'), [cspSource]);
    assert.deepEqual(directives.get('form-action'), ["'none'"]);
    assert.ok(!csp.includes('unsafe-inline'));
    assert.ok(!csp.includes('unsafe-eval'));
    assert.ok(!csp.includes('*'));
    assert.ok(html().includes(`content="${escapeAttribute(csp)}"`));
  });

  it('loads only the bundle, its stylesheet and the codicons — the codicon link with the id vscode-elements looks for', () => {
    const page = html();
    assert.match(page, /<script type="module" nonce="q1w2e3r4t5y6u7i8o9p0aA==" src="[^"]+\/dist\/webview\/main\.js"><\/script>/);
    assert.match(page, /<link rel="stylesheet" href="[^"]+\/codicon\.css" nonce="[^"]+" id="vscode-codicon-stylesheet">/);
    assert.match(page, /<link rel="stylesheet" href="[^"]+\/main\.css" nonce="[^"]+">/);
    assert.equal(page.match(/<script/g)?.length, 1);
  });

  it('has no inline script, inline style or inline event handler', () => {
    const page = html();
    assert.ok(!/<script(?![^>]*\bsrc=)/.test(page), 'inline script');
    assert.ok(!/<style/.test(page), 'inline style element');
    assert.ok(!/\sstyle=/.test(page), 'style attribute');
    assert.ok(!/\son[a-z]+=/i.test(page), 'inline handler');
  });

  it('escapes the title (an object name) so it cannot become markup', () => {
    const page = html('Edit Provider: <img src=x onerror=alert(1)> & "q"');
    assert.ok(page.includes('Edit Provider: &lt;img src=x onerror=alert(1)&gt; &amp; "q"'));
    assert.ok(!page.includes('<img'));
  });
});

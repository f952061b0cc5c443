// The form webview's HTML document. Pure (no `vscode`): the caller passes webview URIs as strings.
// The page is an empty shell: everything visible is built by dist/webview/main.js from the `init` message, so no
// object data — and never a secret — is ever part of the HTML.

export interface FormHtmlOptions {
  /** `webview.cspSource`. */
  cspSource: string;
  /** Base64 from crypto.randomBytes(16); one per page load. */
  nonce: string;
  scriptUri: string;
  styleUri: string;
  codiconUri: string;
  /** Shown until the script renders the form; same as the panel title. */
  title: string;
  /** `vscode.env.language`, for the document language (screen readers). */
  language: string;
}

/**
 * Content Security Policy of the form webview:
 * - scripts: only our bundle, by nonce (no inline handlers, no eval);
 * - styles: only files from the extension's dist/webview (main.css, codicon.css). vscode-elements' Lit components
 *   style their shadow roots with constructable stylesheets (adoptedStyleSheets) and set dynamic sizes through the
 *   CSSOM (`element.style.setProperty`, their `stylePropertyMap` directive), neither of which CSP's style-src governs,
 *   so no `'unsafe-inline'` is needed. The nonce is also allowed for styles because vscode-icon copies the codicon
 *   `<link>` (with its nonce) into each icon's shadow root;
 * - fonts: codicon.ttf from dist/webview;
 * - images: `data:` only — vscode-textarea draws its resize grip with a data: PNG (a data: URI loads nothing from
 *   anywhere, so it cannot leak data); nothing else, no connections, no form submission anywhere.
 */
export function contentSecurityPolicy(cspSource: string, nonce: string): string {
  return [
    "default-src 'none'",
    `style-src ${cspSource} 'nonce-${nonce}'`,
    `font-src ${cspSource}`,
    'img-src data:',
    `script-src 'nonce-${nonce}'`,
    "form-action 'none'",
    "base-uri 'none'",
  ].join('; ');
}

export function renderFormHtml(options: FormHtmlOptions): string {
  const nonce = escapeAttribute(options.nonce);
  return `<!DOCTYPE html>
<html lang="${escapeAttribute(options.language || 'en')}">
<head>
  <meta charset="UTF-8">
  <meta http-equiv="Content-Security-Policy" content="${escapeAttribute(contentSecurityPolicy(options.cspSource, options.nonce))}">
  <meta name="viewport" content="width=device-width, initial-scale=1.0">
  <link rel="stylesheet" href="${escapeAttribute(options.codiconUri)}" nonce="${nonce}" id="vscode-codicon-stylesheet">
  <link rel="stylesheet" href="${escapeAttribute(options.styleUri)}" nonce="${nonce}">
  <title>${escapeText(options.title)}</title>
</head>
<body>
  <main id="app" aria-busy="true"><p class="loading">${escapeText(options.title)}</p></main>
  <script type="module" nonce="${nonce}" src="${escapeAttribute(options.scriptUri)}"></script>
</body>
</html>`;
}

export function escapeText(text: string): string {
  return text.replace(/[&<>]/g, (char) => (char === '&' ? '&amp;' : char === '<' ? '&lt;' : '&gt;'));
}

export function escapeAttribute(text: string): string {
  return escapeText(text).replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

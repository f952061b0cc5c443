"""Writes media/codicons/codicon.ttf: the codicon font of node_modules/@vscode/codicons cut down to the icons the form
webview uses (scripts/webviewIcons.json; the build keeps only their CSS rules). Run after changing that list or
upgrading @vscode/codicons:  python3 scripts/subset-codicons.py   (needs fonttools: pip install fonttools)."""
import json, re
from fontTools import subset

icons = json.load(open('scripts/webviewIcons.json'))
css = open('node_modules/@vscode/codicons/dist/codicon.css').read()
codepoints = []
for name in icons:
    match = re.search(r'\.codicon-' + re.escape(name) + r':before \{ content: "\\([0-9a-f]+)" \}', css)
    if not match:
        raise SystemExit(f'no codicon named {name}')
    codepoints.append(int(match.group(1), 16))
options = subset.Options()
options.layout_features = []
options.name_IDs = ['*']
options.notdef_outline = True
font = subset.load_font('node_modules/@vscode/codicons/dist/codicon.ttf', options)
subsetter = subset.Subsetter(options)
subsetter.populate(unicodes=codepoints)
subsetter.subset(font)
subset.save_font(font, 'media/codicons/codicon.ttf', options)

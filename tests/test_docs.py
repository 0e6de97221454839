"The docs site, built without Quarto, opened in headless Chromium: every page shows its title, subtitle, contents, API docs\n(with real module names) and figures, wraps its code, and searches every page."
import json, re, shutil, subprocess, sys
from pathlib import Path
import pytest
from conftest import ROOT

CHROMIUM = shutil.which('chromium') or shutil.which('chromium-browser')
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason='Chromium is not installed (tools/setup.sh --test installs it)')

@pytest.fixture(scope='module')
def site(tmp_path_factory):
    from solar_nb.site import build_site
    return build_site(tmp_path_factory.mktemp('site'), quarto=False)

def dom(page: Path, tmp_path, query: str = '') -> str:
    "The page's DOM after Chromium loaded and rendered it (and ran its scripts), with `query` added to its address."
    r = subprocess.run([CHROMIUM, '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
                        '--disable-background-networking', '--disable-component-update', '--disable-sync',
                        f'--user-data-dir={tmp_path}/profile', '--dump-dom', page.as_uri() + query],
                       capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr[-2000:]
    return r.stdout

def notebooks():
    return sorted(p for p in (ROOT/'nbs').glob('*.ipynb'))

def exported_names(nb: Path) -> list[str]:
    "Functions and classes a notebook exports, and the methods it shows with `show_doc` (what its page must document)."
    cells = json.loads(nb.read_text())['cells']
    src = '\n'.join(''.join(c['source']) for c in cells if c['cell_type'] == 'code' and '#| export' in ''.join(c['source']))
    shown = '\n'.join(''.join(c['source']) for c in cells if c['cell_type'] == 'code')
    return re.findall(r'^(?:def|class) ([A-Za-z]\w*)', src, re.M) + re.findall(r'^show_doc\((\w+\.\w+)\)', shown, re.M)

def exported_dataclasses(nb: Path) -> list[str]:
    "The dataclasses a notebook exports."
    cells = json.loads(nb.read_text())['cells']
    src = '\n'.join(''.join(c['source']) for c in cells if c['cell_type'] == 'code' and '#| export' in ''.join(c['source']))
    return re.findall(r'^@dataclass\b.*\n(?:@.*\n)*class ([A-Za-z]\w*)', src, re.M)

@pytest.mark.parametrize('nb', notebooks(), ids=lambda p: p.stem)
def test_page(site, nb, tmp_path):
    from solar_nb.site import _href, _title
    page = site/_href(nb)
    assert page.exists(), f'{page.name} was not built'
    html = dom(page, tmp_path)
    title = _title(json.loads(nb.read_text()), nb.stem)
    assert re.search(rf'<h1[^>]*>\s*{re.escape(title)}', html), f'{page.name}: title {title!r} not shown'
    for name in exported_names(nb):
        assert re.search(rf'<h3[^>]*>\s*{re.escape(name)}\b', html), f'{page.name}: no API docs for {name}'
    for name in exported_dataclasses(nb):   # their fields' docments, which nbdev alone leaves out (site.DataclassFields)
        entry = re.split(rf'<h3[^>]*>\s*{re.escape(name)}\b', html)[1].split('<h3')[0]
        assert '<table' in entry, f'{page.name}: {name} shows no table of its fields'
    n_figures = len(re.findall(r'<img[^>]+src="data:image/png;base64,', html))
    has_figures = any('image/png' in json.dumps(c.get('outputs', [])) for c in json.loads(nb.read_text())['cells'])
    assert n_figures >= has_figures, f'{page.name}: the notebook has figures but the page shows none'
    assert 'class="solar-sidebar"' in html and 'href="fits.html"' in html, 'navigation sidebar missing'
    assert 'id="solar-search"' in html, 'search box missing'
    if subtitle := summary(nb):
        m = re.search(r'<p class="solar-subtitle">(.*?)</p>', html, re.S)
        assert m and words(subtitle)[:6] == words(m[1])[:6], f'{page.name}: subtitle {subtitle!r} not shown'
    if anchors := re.findall(r'<h2 id="([^"]+)"', html):
        assert f'<a href="#{anchors[0]}">' in html.split('class="solar-toc"')[1], f'{page.name}: no contents list'
    assert '__main__.' not in html, f'{page.name}: a signature names __main__ instead of the module'
    assert not re.search(r'solar_nb\.[\w.]*[^\w.\s(),=:\[\]|]', ' '.join(re.findall(r'<pre><code>(.*?)</code></pre>', html, re.S))), f'{page.name}: a mangled module name'
    assert re.search(r'pre[^{]*\{[^}]*white-space: pre-wrap', html), f'{page.name}: code lines are not wrapped'

def summary(nb: Path) -> str | None:
    "The one-line summary under a notebook's title (`> ...`), the page's subtitle."
    first = ''.join(json.loads(nb.read_text())['cells'][0]['source'])
    m = re.search(r'^>\s*(.+)$', first, re.M)
    return m and m[1]

def words(text: str) -> list[str]: return re.sub(r'<[^>]+>|[`*]', ' ', text).split()

def test_search_finds_helioviewer_from_any_page(site, tmp_path):
    html = dom(site/'fits.html', tmp_path, '?q=Helioviewer')
    results = re.search(r'<ul id="solar-results">(.*?)</ul>', html, re.S)[1]
    assert re.findall(r'href="([^"#]+)', results)[0] == 'helioviewer.html', results[:500]   # the page named so first
    assert len(re.findall(r'<li>', results)) >= 10, 'search found too little'
    assert 'nothing found' in dom(site/'fits.html', tmp_path, '?q=zzzyyyxxx')

def test_index_opens_with_three_figures(site, tmp_path):
    html = dom(site/'index.html', tmp_path)
    first_h2 = html.index('<h2')
    assert len(re.findall(r'<img[^>]+src="data:image/png', html[:first_h2])) == 3

def test_generated_files_are_not_committed():
    tracked = subprocess.run(['git', 'ls-files'], cwd=ROOT, capture_output=True, text=True).stdout.split()
    assert not [f for f in tracked if f == 'nbs/sidebar.yml' or f.startswith(('_proc/', '_docs/', '_site/'))]

def test_fits_page_has_its_figures(site, tmp_path):
    html = dom(site/'fits.html', tmp_path)
    assert len(re.findall(r'<img[^>]+src="data:image/png', html)) >= 2
    assert 'GOES X-ray flux' in html and 'ingest_goes' in html

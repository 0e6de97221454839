"The docs site, built without Quarto, opened in headless Chromium: every notebook's page shows its title, API docs and figures."
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

def dom(page: Path, tmp_path) -> str:
    "The page's DOM after Chromium loaded and rendered it."
    r = subprocess.run([CHROMIUM, '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
                        '--disable-background-networking', '--disable-component-update', '--disable-sync',
                        f'--user-data-dir={tmp_path}/profile', '--dump-dom', page.as_uri()],
                       capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr[-2000:]
    return r.stdout

def notebooks():
    return sorted(p for p in (ROOT/'nbs').glob('*.ipynb'))

def exported_names(nb: Path) -> list[str]:
    "Functions and classes a notebook exports (what its page must document)."
    cells = json.loads(nb.read_text())['cells']
    src = '\n'.join(''.join(c['source']) for c in cells if c['cell_type'] == 'code' and '#| export' in ''.join(c['source']))
    return re.findall(r'^(?:def|class) ([A-Za-z]\w*)', src, re.M)

@pytest.mark.parametrize('nb', notebooks(), ids=lambda p: p.stem)
def test_page(site, nb, tmp_path):
    from solar_nb.site import _href, _title
    page = site/_href(nb)
    assert page.exists(), f'{page.name} was not built'
    html = dom(page, tmp_path)
    title = _title(json.loads(nb.read_text()), nb.stem)
    assert re.search(rf'<h1[^>]*>\s*{re.escape(title)}', html), f'{page.name}: title {title!r} not shown'
    for name in exported_names(nb):
        assert re.search(rf'<h3[^>]*>\s*{name}\b', html), f'{page.name}: no API docs for {name}'
    n_figures = len(re.findall(r'<img[^>]+src="data:image/png;base64,', html))
    has_figures = any('image/png' in json.dumps(c.get('outputs', [])) for c in json.loads(nb.read_text())['cells'])
    assert n_figures >= has_figures, f'{page.name}: the notebook has figures but the page shows none'
    assert 'class="solar-sidebar"' in html and 'href="fits.html"' in html, 'navigation sidebar missing'

def test_fits_page_has_its_figures(site, tmp_path):
    html = dom(site/'fits.html', tmp_path)
    assert len(re.findall(r'<img[^>]+src="data:image/png', html)) >= 2
    assert 'GOES X-ray flux' in html and 'ingest_goes' in html

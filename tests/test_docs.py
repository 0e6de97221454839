"The docs site, built without Quarto, opened in headless Chromium: every page shows its title, subtitle, contents, API docs\n(with real module names) and figures, wraps its code, and searches every page."
import json, re, shutil, subprocess, sys
from pathlib import Path
import pytest
from conftest import CHROMIUM, CHROMIUM_ARGS, ROOT

pytestmark = pytest.mark.skipif(CHROMIUM is None, reason='Chromium is not installed (tools/setup.sh --test installs it)')

@pytest.fixture(scope='module')
def site(tmp_path_factory):
    from solar_nb.site import build_site
    return build_site(tmp_path_factory.mktemp('site'), quarto=False)

def dom(page: Path, tmp_path, query: str = '') -> str:
    "The page's DOM after Chromium loaded and rendered it (and ran its scripts), with `query` added to its address."
    r = subprocess.run([CHROMIUM, '--headless', *CHROMIUM_ARGS, f'--user-data-dir={tmp_path}/profile', '--dump-dom', page.as_uri() + query],
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

def test_generated_files_are_not_committed():
    tracked = subprocess.run(['git', 'ls-files'], cwd=ROOT, capture_output=True, text=True).stdout.split()
    assert not [f for f in tracked if f == 'nbs/sidebar.yml' or f.startswith(('_proc/', '_docs/', '_site/'))]

def test_fits_page_has_its_figures(site, tmp_path):
    html = dom(site/'fits.html', tmp_path)
    assert len(re.findall(r'<img[^>]+src="data:image/png', html)) >= 2
    assert 'GOES X-ray flux' in html and 'ingest_goes' in html

# --- The site as a reader's browser shows it (Playwright driving Debian's Chromium) ---------------------------------
GROUPS = ['Guides', 'Data', 'Catalogues', 'Frames', 'Cutouts', 'Models', 'Analysis', 'Local services', 'Tooling']
ABSOLUTE_PATH = re.compile(r'(?<![\w.:/])/(?:tmp|work|home|root|Users|var/folders)/')

@pytest.fixture(scope='module')
def browser():
    sync_api = pytest.importorskip('playwright.sync_api')
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()

def read(browser, page: Path, width: int = 1400) -> dict:
    "What a reader sees on `page` once MathJax has typeset it: its text, output texts, images, links, sidebar."
    tab = browser.new_page(viewport={'width': width, 'height': 900})
    failed = []
    tab.on('requestfailed', lambda r: failed.append(r.url) if not r.url.startswith('about:') else None)
    tab.goto(page.as_uri())
    tab.wait_for_function('window.MathJax && MathJax.Hub && MathJax.Hub.queue.pending === 0 && MathJax.Hub.queue.running === 0', timeout=60000)
    seen = tab.evaluate('''() => {
      const skip = el => el.closest('pre, code, script, style, .MathJax, .MathJax_Preview, .solar-sidebar, .solar-toc');
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      const prose = []; for (let n; (n = walker.nextNode());) if (!skip(n.parentElement)) prose.push(n.textContent);
      return {
        prose: prose.join(' '),
        outputs: [...document.querySelectorAll('.jp-OutputArea-output')].map(e => e.textContent),
        data: [...document.querySelectorAll('.jp-OutputArea-output:not(.jp-RenderedMarkdown) td, .jp-RenderedText')].map(e => e.textContent),
        images: [...document.querySelectorAll('.jp-Cell img')].map(i => ({alt: i.getAttribute('alt') || '', w: i.naturalWidth})),
        math: document.querySelectorAll('.MathJax').length,
        links: [...document.querySelectorAll('a[href]')].map(a => a.getAttribute('href')),
        ids: [...document.querySelectorAll('[id]')].map(e => e.id),
        groups: [...document.querySelectorAll('.solar-sidebar li.group > span')].map(s => s.textContent),
        column: Math.round(document.querySelector('.jp-Cell').getBoundingClientRect().width),
      }; }''')
    tab.close()
    return seen | {'failed': failed}

def site_pages(site): return sorted(site.glob('*.html'))

def test_every_page_reads_right(site, browser):
    "Math typeset (no raw `$` in the prose), clean outputs, every image with an alt text, links kept in the site."
    ids = {}
    seen = {p.name: read(browser, p) for p in site_pages(site)}
    for name, s in seen.items():
        assert not s['failed'], f'{name}: requests failed {s["failed"][:3]}'
        assert not re.search(r'\$[^$\s][^$]*\$', s['prose']), f'{name}: raw math {re.search(r"[$][^$]{0,40}", s["prose"])[0]!r}'
        for out in s['outputs']:
            assert '\r' not in out and 'INFO:' not in out, f'{name}: a progress bar or log line in an output: {out[:200]!r}'
            assert not ABSOLUTE_PATH.search(out), f'{name}: an absolute path in an output: {ABSOLUTE_PATH.search(out)[0]}…'
        for cell in s['data']:   # tables and printed text, not the API docs' prose
            assert not re.search(r'\b(nan|NaN)\b', cell), f'{name}: NaN in an output: {cell[:300]!r}'
        for img in s['images']:
            assert img['w'] > 0, f'{name}: an image did not load'
            assert len(img['alt']) > 20 and not re.search(r'No description|without a caption', img['alt']), f'{name}: an image without a caption ({img["alt"]!r})'
        assert s['groups'] == GROUPS, f'{name}: sidebar groups {s["groups"]}'
        for href in s['links']:
            assert not href.startswith('https://solar-nb.github.io'), f'{name}: a link leaves the local site: {href}'
            if re.match(r'[a-z]+:', href) or href.startswith('#') and href == '#': continue
            target, _, anchor = href.partition('#')
            target = target or name
            assert (site/target).exists(), f'{name}: link to a missing page {href}'
            if anchor and target in seen: assert anchor in seen[target]['ids'], f'{name}: link to a missing anchor {href}'
    assert seen['tutorial.html']['math'] > 0 and seen['skill.html']['math'] > 5, 'MathJax typeset no math'

def test_a_page_reads_at_900px(site, browser):
    assert read(browser, site/'tutorial.html', width=900)['column'] >= 550

def test_index_opens_with_the_solar_result(site, tmp_path):
    html = dom(site/'index.html', tmp_path)
    first_h2 = html.index('<h2')
    head = html[:first_h2]
    alts = re.findall(r'<img[^>]+alt="([^"]+)"', head)
    assert alts and re.search(r'planted sun|HMI|magnetogram', alts[0]), f'the first figure is not a solar one: {alts[:1]}'
    assert '<table' in head and 'TSS' in head, 'no benchmark table before the first section'
    assert html.index('<table') < html.index('id="Two-commands"'), 'the table comes after the two commands'

def test_every_notebook_is_in_a_sidebar_group():
    from solar_nb.site import SIDEBAR
    stems = {s for g in SIDEBAR.values() for s in g}
    assert {p.stem for p in notebooks()} <= stems, sorted({p.stem for p in notebooks()} - stems)
    assert list(SIDEBAR) == GROUPS

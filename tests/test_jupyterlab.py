"""A notebook as its reader runs it: JupyterLab in headless Chromium (Playwright driving Debian's browser), Run All, then an
explorer's slider dragged: the decoded picture must change and keep its aspect ratio."""
import json, shutil, socket, subprocess, sys, time, urllib.request
from pathlib import Path
import pytest
from conftest import CHROMIUM, CHROMIUM_ARGS, ROOT

pytestmark = pytest.mark.skipif(CHROMIUM is None, reason='Chromium is not installed (tools/setup.sh --test installs it)')
TOKEN = 'solar-nb-test'

def free_port() -> int:
    with socket.socket() as s:
        s.bind(('127.0.0.1', 0)); return s.getsockname()[1]

@pytest.fixture(scope='module')
def lab(tmp_path_factory):
    "A JupyterLab server on 127.0.0.1 over a folder holding a copy of `01a_vae.ipynb` (its last explorer: the thesis's MNIST beta-VAE, 10 sliders), with this environment's kernel."
    root = tmp_path_factory.mktemp('lab')
    shutil.copy(ROOT/'nbs'/'01a_vae.ipynb', root/'01a_vae.ipynb')
    port = free_port()
    log = open(root/'lab.log', 'w')
    proc = subprocess.Popen([sys.executable, '-m', 'jupyterlab', '--no-browser', f'--port={port}', '--ip=127.0.0.1',
                             f'--IdentityProvider.token={TOKEN}', f'--ServerApp.root_dir={root}', '--ServerApp.open_browser=False', '--allow-root'],
                            stdout=log, stderr=subprocess.STDOUT, cwd=root)
    url = f'http://127.0.0.1:{port}'
    for _ in range(360):   # a loaded CI machine can take a minute or two
        try: urllib.request.urlopen(f'{url}/api/status?token={TOKEN}', timeout=2); break
        except OSError: time.sleep(0.5)
    else:
        proc.kill(); pytest.fail('JupyterLab did not start: ' + (root/'lab.log').read_text()[-3000:])
    yield url
    proc.terminate(); proc.wait(30)

def test_explorer_slider_redraws_and_keeps_aspect(lab):
    sync_api = pytest.importorskip('playwright.sync_api')
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={'width': 1400, 'height': 1000})
        page.goto(f'{lab}/lab/tree/01a_vae.ipynb?token={TOKEN}')
        page.wait_for_selector('.jp-Notebook .jp-Cell', timeout=120_000)
        page.wait_for_function("document.querySelector('.jp-Notebook-ExecutionIndicator, .jp-KernelStatus') !== null", timeout=60_000)
        page.wait_for_timeout(2000)                          # the kernel starting
        page.locator('.lm-MenuBar-itemLabel', has_text='Run').first.click()   # the menu bar's Run menu
        page.click('li[data-command="runmenu:run-all"]')
        # finished: no cell waiting or running ([*]), and the explorer's picture drawn
        page.wait_for_function("""() => [...document.querySelectorAll('.jp-OutputArea-output')].some(o => o.textContent.includes('Traceback')) ||
            document.querySelectorAll('.widget-image, .jupyter-widgets img').length > 1 &&
            ![...document.querySelectorAll('.jp-InputPrompt')].some(p => p.textContent.includes('*'))""", timeout=300_000)
        errors = page.evaluate("[...document.querySelectorAll('.jp-OutputArea-output')].map(e => e.textContent).filter(t => t.includes('Traceback'))")
        assert not errors, errors[0][-1500:]
        img = page.locator('.widget-image, .jupyter-widgets img').last
        img.scroll_into_view_if_needed()
        def picture():
            return img.evaluate("i => ({src: i.src, w: i.getBoundingClientRect().width, h: i.getBoundingClientRect().height, nw: i.naturalWidth, nh: i.naturalHeight})")
        before = picture()
        box = img.locator('xpath=ancestor::div[contains(@class, "widget-vbox")][1]')
        slider = box.locator('.widget-slider').first   # the thesis MNIST model's most informative latent
        handle, track = slider.locator('.noUi-handle').first, slider.locator('.noUi-target').first
        h, t = handle.bounding_box(), track.bounding_box()
        page.mouse.move(h['x'] + h['width']/2, h['y'] + h['height']/2)
        page.mouse.down()
        page.mouse.move(t['x'] + t['width']*0.95, h['y'] + h['height']/2, steps=10)
        page.mouse.up()
        page.wait_for_function("([i, src]) => i.src !== src", arg=[img.element_handle(), before['src']], timeout=30_000)
        after = picture()
        browser.close()
    assert after['src'] != before['src'], 'the picture did not change when the slider moved'
    assert after['nw'] > 0 and after['h'] > 0
    assert abs(after['w']/after['h'] - after['nw']/after['nh']) < 0.03*after['nw']/after['nh'], f'stretched: {after}'

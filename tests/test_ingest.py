"Ingesting GOES flux from several processes at once, and the package as pip builds it."
import shutil, sqlite3, subprocess, sys, zipfile
from concurrent.futures import ThreadPoolExecutor
from conftest import ROOT, solar_nb

def test_two_processes_ingest_into_one_database(tmp_path):
    "Both runs succeed; every day is stored exactly once, with all its minutes."
    args = ['fits', '--offline', '--data-dir', tmp_path, '--start', '2012-03-01', '--end', '2012-03-06']
    with ThreadPoolExecutor(2) as pool:
        runs = list(pool.map(lambda _: solar_nb(*args), range(2)))
    assert all(r.returncode == 0 for r in runs)
    db = sqlite3.connect(tmp_path/'solar.db')
    days = db.execute('SELECT day, count(*) FROM goes_files GROUP BY day').fetchall()
    assert [n for _, n in days] == [1]*6, days
    assert db.execute('SELECT count(*) FROM goes_flux').fetchone() == (6*1440,)
    assert sorted(p.name for p in (tmp_path/'goes'/'sdac').iterdir()) == [f'go15201203{d:02d}.fits' for d in range(1, 7)]

def test_bad_requests_exit_2_with_the_bad_value(tmp_path):
    r = solar_nb('fits', '--offline', '--data-dir', tmp_path, '--start', '2012-01-31', '--end', '2012-01-01', check=False)
    assert r.returncode == 2 and 'end date 2012-01-01 is before start date 2012-01-31' in r.stderr
    r = solar_nb('fits', '--offline', '--data-dir', tmp_path, '--start', '2012-01-01', '--end', '2012-01-02',
                 '--satellite', '99', check=False)
    assert r.returncode == 2 and 'GOES satellite 99' in r.stderr
    assert not (tmp_path/'solar.db').exists() or sqlite3.connect(tmp_path/'solar.db').execute(
        'SELECT count(*) FROM goes_files').fetchone() == (0,)

def test_wheel_has_the_command_and_the_samples(tmp_path):
    src = tmp_path/'src'  # a copy, so that setuptools' build/ folder is not left in the checkout
    shutil.copytree(ROOT, src, ignore=shutil.ignore_patterns('.venv', '.git', 'data', '_proc', '_docs', 'build', '*.egg-info'))
    subprocess.run([sys.executable, '-m', 'pip', 'wheel', '--no-deps', '--no-build-isolation', '-q', '-w', tmp_path, src],
                   check=True, capture_output=True)
    wheel, = tmp_path.glob('solar_nb-*.whl')
    names = zipfile.ZipFile(wheel).namelist()
    assert 'solar_nb/samples/goes/go1520120601.fits.gz' in names and 'solar_nb/fits.py' in names
    entry = zipfile.ZipFile(wheel).read(next(n for n in names if n.endswith('entry_points.txt'))).decode()
    assert 'solar-nb = solar_nb.cli:main' in entry

def test_help_names_every_command():
    out = solar_nb('--help').stdout
    for cmd in ('fits', 'pipeline', 'serve'): assert cmd in out
    assert '--start' in solar_nb('fits', '--help').stdout

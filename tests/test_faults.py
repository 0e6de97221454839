"""Every stage of the command line against services that fail as real ones do: one answer in four is HTTP 503 (from the
first) and one in five (from the second) is cut off half-way. Each stage either finishes with the same results as
against a clean server, or names the items that failed and exits 1 (and a rerun finishes them): never a traceback."""
import hashlib, re, sqlite3
import pytest
from conftest import solar_nb
from solar_nb.services import LocalServer

STAGES = {  # in pipeline order: each stage reads what the ones before it stored
    'fits': ['fits', '--start', '2012-05-29', '--end', '2012-06-04'],
    'fits ncei': ['fits', '--provider', 'ncei', '--start', '2019-01-01', '--end', '2019-01-02'],
    'donki': ['donki', '--start', '2011-01-01', '--end', '2012-12-31'],
    'hek': ['hek', '--start', '2011-10-01', '--end', '2011-11-30'],
    'valid-flares': ['helioviewer', 'valid-flares', '--start', '2011-10-01', '--end', '2011-10-31'],
    'flares': ['helioviewer', 'flares', '--limit', '4'],
    'screenshots': ['helioviewer', 'flares', '--thesis', '--limit', '1'],
    'hourly': ['helioviewer', 'hourly', '--start', '2011-10-01T00:00', '--end', '2011-10-01T05:00', '--source-ids', '18', '19'],
    'mnist': ['mnist', '--epochs', '1', '--batch-size', '256'],
}

def _rows(d, sql): return sqlite3.connect(d/'solar.db').execute(sql).fetchall()
def _files(d, sub, pattern='*'):
    return {str(p.relative_to(d)): hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted((d/sub).rglob(pattern)) if p.is_file()}

RESULTS = {  # what each stage leaves behind, to compare between the clean and the faulty server
    'fits': lambda d: _rows(d, "SELECT g.provider, g.day, g.n_samples, g.n_fill, f.time, f.xrsa, f.xrsb, f.xrsa_quality, f.xrsb_quality "
                               "FROM goes_flux f JOIN goes_files g USING (file_id) WHERE g.provider = 'sdac' ORDER BY f.time"),
    'fits ncei': lambda d: _rows(d, "SELECT g.day, g.n_samples, f.time, f.xrsa, f.xrsb FROM goes_flux f JOIN goes_files g USING (file_id) "
                                    "WHERE g.provider = 'ncei' ORDER BY f.time"),
    'donki': lambda d: (_rows(d, 'SELECT * FROM donki_flares ORDER BY flr_id'), _rows(d, 'SELECT * FROM donki_cleaning ORDER BY flr_id, rule'),
                        _rows(d, 'SELECT flr_id, record FROM donki_raw ORDER BY flr_id')),
    'hek': lambda d: (_rows(d, 'SELECT * FROM hek_flares ORDER BY kb_archivid'), (d/'flares_GOES.csv').read_text()),
    'valid-flares': lambda d: ((d/'valid_flares_source19.csv').read_text(), (d/'rejected_flares_source19.csv').read_text()),
    'flares': lambda d: _files(d, 'helioviewer/flares'),
    'screenshots': lambda d: _files(d, 'flare_images'),
    'hourly': lambda d: _files(d, 'helioviewer/hourly'),
    'mnist': lambda d: _files(d, 'mnist/MNIST/raw'),
}

def _run(srv, d, stage):
    urls = [a for name in ('goes_sdac', 'goes_ncei', 'donki', 'hek', 'helioviewer', 'mnist')
            for a in (f"--{name.replace('_', '-')}-url", srv.url(name))]
    return solar_nb(*STAGES[stage], *urls, '--data-dir', d, check=False)

@pytest.fixture(scope='module')
def runs(tmp_path_factory):
    "Every stage against a clean server and against a faulty one: `{stage: (clean, faulty, rerun, faults)}`."
    clean_dir, faulty_dir, out = tmp_path_factory.mktemp('clean'), tmp_path_factory.mktemp('faulty'), {}
    with LocalServer() as clean, LocalServer() as faulty:
        for stage in STAGES:
            faulty.clear_faults()
            busy = faulty.inject('status', status=503, every=4, first=1, times=None)
            cut = faulty.inject('truncate', every=5, first=2, times=None)
            n = len(faulty.requests)
            bad = _run(faulty, faulty_dir, stage)
            faults = dict(requests=len(faulty.requests) - n, http_503=busy.hits, truncated=cut.hits)
            faulty.clear_faults()
            rerun = _run(faulty, faulty_dir, stage) if bad.returncode else None   # what failed is finished by a rerun
            out[stage] = (_run(clean, clean_dir, stage), bad, rerun, faults)
            print(f'{stage}: {faults}, exit {bad.returncode}', bad.stdout.strip().splitlines()[-1:])
    return out, clean_dir, faulty_dir

@pytest.mark.parametrize('stage', STAGES)
def test_stage_survives_faults(runs, stage):
    out, clean_dir, faulty_dir = runs
    clean, bad, rerun, faults = out[stage]
    assert clean.returncode == 0, clean.stdout + clean.stderr
    assert faults['http_503'] > 0 and faults['truncated'] > 0, faults   # the faults were met
    assert 'Traceback' not in bad.stderr + bad.stdout, bad.stderr
    if bad.returncode:   # then the items that failed are named, and a rerun finishes them
        assert bad.returncode == 1 and (' failed' in bad.stdout or bad.stderr.startswith('solar-nb: error: ')), bad.stdout + bad.stderr
        assert rerun.returncode == 0, rerun.stdout + rerun.stderr
    assert RESULTS[stage](faulty_dir) == RESULTS[stage](clean_dir)   # the same rows and files as against a clean server
    if not bad.returncode:   # and the same report: counts, and the megabytes of the files (not of the bytes sent again)
        report = lambda r: [l for l in r.stdout.splitlines() if re.match(r'[\w -]+: \d+ done, ', l)]
        assert report(bad) == report(clean), (report(bad), report(clean))

"The main job, as README runs it: offline, on the embedded sample; a second run fetches and adds nothing."
import re
import csv, gzip, sqlite3
import numpy as np
from conftest import solar_nb
from solar_nb.services import SAMPLES

def test_pipeline_offline(tmp_path):
    first = solar_nb('pipeline', '--offline', '--data-dir', tmp_path)
    log = first.stdout + first.stderr   # not a terminal: no progress bars, no log records, no NaN table
    assert '\r' not in log and 'INFO:' not in log and not re.search(r'\bNaN\b', log), [l for l in log.splitlines() if '\r' in l or 'INFO:' in l or 'NaN' in l][:3]
    for line in ('GOES-15 XRS from sdac (fits): 7 done', 'GOES-15 XRS from ncei (avg1m): 2 done', 'GOES primary XRS from ncei (avg1m): 1 done',
                 'DONKI FLR: 8 done', 'HEK flares: 99 done'):
        assert line in first.stdout, first.stdout
    for fig in ('goes_flux_week.png', 'goes_flux_2012-06-01.png', 'goes_flux_2024-10-03.png', 'donki_durations.png', 'donki_classes_per_year.png',
                'hek_classes_per_year.png', 'crossmatch.png', 'mnist_thesis_reconstructions.png', 'mnist_thesis_samples.png',
                'mnist_thesis_kl_beta1.png', 'mnist_run/kl_per_latent.png', 'mnist_run/traversals.png',
                'helioviewer_flare_frames.png', 'cutout.png', 'cutout_flare.png', 'flare_locations.png', 'solar_run/kl_per_latent.png', 'solar_run/reconstructions.png',
                'solar_run/samples.png', 'solar_run/traversals.png'):
        assert (tmp_path/'figures'/fig).read_bytes()[:8] == b'\x89PNG\r\n\x1a\n', fig
    db = sqlite3.connect(tmp_path/'solar.db')
    assert db.execute("SELECT count(*) FROM goes_flux").fetchone() == (7*1440 + 2*51 + 100,)   # the GOES-16 stand-in holds 100 minutes
    assert db.execute("SELECT satellite, product FROM goes_files WHERE day = '2024-10-03'").fetchall() == [(16, 'avg1m')]
    assert db.execute("SELECT count(*) FROM donki_flares").fetchone() == (562,)
    ours = (tmp_path/'flares_GOES.csv').read_text().splitlines()
    thesis = gzip.open(SAMPLES/'hek'/'hek_flares_GOES.csv.gz', 'rt').read().splitlines()
    assert ours[0] == thesis[0] and sorted(ours) == sorted(thesis)
    assert (tmp_path/'runs'/'mnist'/'pipeline'/'model_burgess_ep2_beta4_00.pt').exists()
    valid = list(csv.DictReader(open(tmp_path/'valid_flares_source19.csv')))
    assert len(valid) > 50 and all(len(v['frames'].split()) == 6 for v in valid)
    flare_files = sorted((tmp_path/'helioviewer'/'flares').rglob('*.jp2'))
    assert len(list((tmp_path/'helioviewer'/'flares').glob('*/18/*.jp2'))) == 30 and len(flare_files) >= 55 + 300
    assert db.execute("SELECT count(*) FROM helioviewer_files").fetchone()[0] >= len(flare_files) + 20
    # the thesis's own images: Helioviewer's screenshots of three flares, cut to its 1272-arcsec centre, in its layout
    shots = sorted((tmp_path/'flare_images').glob('*/source_19/*.png'))
    assert len(shots) == 18 and shots[0].name.count('_') == 2 and shots[0].name.endswith('Z.png'), shots[:2]
    thesis_cut = tmp_path/'cutouts'/'screenshot_crop1272_size512_image'
    assert len(list(thesis_cut.glob('*/source_19/*.png'))) == 18 and len(list((thesis_cut/'packed').glob('*.npz'))) == 3
    # the flares' locations, and their frames cut around their own active regions (training uses these)
    assert 'flare locations (stored in flare_locations):' in first.stdout and "inside the thesis's centre crop:" in first.stdout
    sources = dict(db.execute("SELECT coalesce(location_source, 'none'), count(*) FROM flare_locations GROUP BY 1").fetchall())
    assert sources['hek'] == 3232 and sources['donki'] > 100 and sources['active_region'] > 1000 and sum(sources.values()) == 7093
    flare_cut = tmp_path/'cutouts'/'fov256arcsec_size64_flare'
    packed = sorted((flare_cut/'packed').glob('*.npz'))
    assert len(packed) >= 40 and 'rejected' in first.stdout
    z = np.load(packed[0])
    assert str(z['centre']) == 'flare' and float(z['fov_arcsec']) == 256 and z['centre_pixel'].shape == (6, 2)
    solar = tmp_path/'runs'/'solar'/'pipeline'
    assert (solar/'model_ep2_beta1.pt').exists() and len((solar/'metrics.csv').read_text().splitlines()) == 3
    # its test split holds no M flare, so it has no probe table (rather than a table of NaN), and says why
    assert re.search(r'no linear probe: no M flare in the (train|val|test) split; scores undefined', first.stdout) and not (tmp_path/'figures'/'solar_run'/'probe.csv').exists()
    # last, the forecast benchmark on the planted sun: the job's final lines are its headline, G for both tasks
    last = first.stdout.strip().splitlines()[-2:]
    assert last[0].startswith('forecast task: headroom captured: G '), first.stdout[-2000:]
    assert last[1].startswith('class task: headroom captured: G '), last
    assert 'planted quantities (oracle)' in first.stdout and 'supervised 3D CNN (ceiling for the cutouts)' in first.stdout
    assert (tmp_path/'figures'/'benchmark_latents.png').exists() and (tmp_path/'figures'/'benchmark_reliability.png').exists()
    statuses = {r['status'] for r in csv.DictReader(open(tmp_path/'crossmatch.csv'))}
    assert statuses == {'match', 'class mismatch', 'only donki', 'only hek'}
    again = solar_nb('pipeline', '--offline', '--data-dir', tmp_path)
    for line in ('GOES-15 XRS from sdac (fits): 0 done, 7 already there, 0 failed', 'DONKI FLR: 0 done, 8 already there',
                 'HEK flares: 0 done, 99 already there', 'Helioviewer flare frames: 0 done', 'Helioviewer hourly frames: 0 done',
                 'Helioviewer screenshots: 0 done, 18 already there', 'cutouts screenshot_crop1272_size512_image: 0 done',
                 'cutouts fov256arcsec_size64_flare: 0 done'):
        assert line in again.stdout, again.stdout
    assert len((solar/'metrics.csv').read_text().splitlines()) == 3  # the finished run was not trained again
    assert again.stdout.strip().splitlines()[-2:] == first.stdout.strip().splitlines()[-2:]   # the same runs, resumed, not retrained

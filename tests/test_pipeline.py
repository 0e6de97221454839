"The main job, as README runs it: offline, on the embedded sample; a second run adds nothing."
import sqlite3
from conftest import solar_nb

def test_pipeline_offline(tmp_path):
    first = solar_nb('pipeline', '--offline', '--data-dir', tmp_path)
    assert 'GOES-15 XRS from sdac: 7 done' in first.stdout and 'GOES-15 XRS from ncei: 2 done' in first.stdout
    for fig in ('goes_flux_week.png', 'goes_flux_2012-06-01.png'):
        assert (tmp_path/'figures'/fig).read_bytes()[:8] == b'\x89PNG\r\n\x1a\n'
    db = sqlite3.connect(tmp_path/'solar.db')
    assert db.execute("SELECT count(*) FROM goes_flux").fetchone() == (7*1440 + 2*51,)
    again = solar_nb('pipeline', '--offline', '--data-dir', tmp_path)
    assert 'GOES-15 XRS from sdac: 0 done, 7 already there, 0 failed' in again.stdout

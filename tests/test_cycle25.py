"""A Solar Cycle 25 flare through the stages, offline: the X9.0 of 2024-10-03 (peak 12:18 UTC). GOES-16 and GOES-18
come from NCEI's GOES-R archive (the local one serves sunpy's real GOES-R test files re-dated, and says so), and what
is stored is exactly what sunpy's TimeSeries reads from the file served; the local catalogues and Helioviewer end
before 2024, so they answer empty and the command says where they end; a satellite that was not observing is one
line naming those that were."""
import datetime as dt, sqlite3, warnings
import numpy as np
import sunpy.timeseries
from conftest import solar_nb
from solar_nb.local_goes import ncei_netcdf

DAY = '2024-10-03'

def _stored(d, satellite, product):
    return sqlite3.connect(d/'solar.db').execute(
        "SELECT f.time, f.xrsa, f.xrsb, f.xrsa_quality, f.xrsb_quality, f.yaw_flip FROM goes_flux f JOIN goes_files g USING (file_id) "
        "WHERE g.satellite = ? AND g.product = ? ORDER BY f.time", (satellite, product)).fetchall()

def _sunpy(tmp_path, satellite, product):
    path = tmp_path/f'served_g{satellite}_{product}.nc'
    path.write_bytes(ncei_netcdf(satellite, product, dt.date.fromisoformat(DAY)))
    with warnings.catch_warnings():
        warnings.simplefilter('ignore')
        return sunpy.timeseries.TimeSeries(str(path), source='XRS').to_dataframe()

def test_x9_day_through_the_stages(tmp_path):
    d = tmp_path/'data'
    for sat, product in ((16, 'avg1m'), (18, 'flx1s')):
        r = solar_nb('fits', '--offline', '--data-dir', d, '--provider', 'ncei', '--product', product, '--satellite', sat,
                     '--start', DAY, '--end', DAY)
        assert f'GOES-{sat} XRS from ncei ({product}): 1 done' in r.stdout and 'stand-ins, not that day' in r.stdout, r.stdout
        ours, theirs = _stored(d, sat, product), _sunpy(tmp_path, sat, product)
        fmt = '%Y-%m-%d %H:%M:%S.%f' if product == 'flx1s' else '%Y-%m-%d %H:%M:%S'
        assert [t for t, *_ in ours] == list(theirs.index.strftime(fmt))
        for i, col in enumerate(('xrsa', 'xrsb', 'xrsa_quality', 'xrsb_quality'), start=1):
            np.testing.assert_array_equal(np.array([row[i] for row in ours], float), theirs[col].to_numpy(float))
    assert {row[5] for row in _stored(d, 18, 'flx1s')} == {2}   # the 1-s file's yaw flip (GOES-17's real file flew inverted)
    # the primary satellite that day was GOES-16: already stored, nothing fetched again
    r = solar_nb('fits', '--offline', '--data-dir', d, '--provider', 'ncei', '--satellite', 'primary', '--start', DAY, '--end', DAY)
    assert 'GOES primary XRS from ncei (avg1m): 0 done, 1 already there, 0 failed' in r.stdout, r.stdout
    r = solar_nb('hek', '--offline', '--data-dir', d, '--start', '2024-10-01', '--end', '2024-10-31')
    assert '0 HEK flares stored from 2024-10-01 to 2024-10-31' in r.stdout and 'from 2011-10-01 to 2018-07-06 only' in r.stdout, r.stdout
    r = solar_nb('helioviewer', 'hourly', '--offline', '--data-dir', d, '--start', f'{DAY}T10:00', '--end', f'{DAY}T12:00')
    assert '3 hours without a frame' in r.stdout and 'Helioviewer has frames from 2010-05-01 to 2019-12-31 only' in r.stdout, r.stdout

def test_wrong_satellite_or_day_is_one_line(tmp_path):
    r = solar_nb('fits', '--offline', '--data-dir', tmp_path, '--provider', 'ncei', '--satellite', '17', '--start', DAY, '--end', DAY, check=False)
    assert (r.returncode, r.stderr.strip()) == (2, 'solar-nb: error: GOES-17 XRS observed 2018-06-01 to 2023-01-04, not 2024-10-03; '
                                                   'on 2024-10-03 GOES 16, 18 observed'), r.stderr
    r = solar_nb('fits', '--offline', '--data-dir', tmp_path, '--provider', 'ncei', '--product', 'flx1s', '--satellite', '15',
                 '--start', '2012-06-01', '--end', '2012-06-01', check=False)
    assert (r.returncode, r.stderr.count('\n')) == (2, 1) and 'valid satellites: 16-19' in r.stderr, r.stderr

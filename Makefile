# The two commands a new user needs (README): `make pipeline` and `make test`. Both set everything up first.
.PHONY: setup pipeline test docs clean
setup:
	@tools/setup.sh
pipeline: setup
	.venv/bin/solar-nb pipeline --offline
test:
	@tools/setup.sh --test
	@tools/test.sh
docs: setup
	.venv/bin/python -m solar_nb.site
clean:
	rm -rf _proc _docs _site .pytest_cache

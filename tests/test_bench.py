"""The benchmark's generated content, and the benchmark run end to end at a tiny size.

No test here asserts a time: timings belong to `make bench`, not to tests.
"""

import json
import os
import re
import shutil
import sys
import tempfile
import time
from pathlib import Path

from conftest import ROOT, run_command

from scripts.project_copy import copy_project
from supervision_site.core.front_matter import read_front_matter
from tools import bench, bench_report, bench_timing, phase_clock
from tools import bench_site as synthetic

CONTENT = ROOT / "content"
LINK = re.compile(r"\{filename\}([^)]+\.md)")


def front_matter(path):
    """Return the field names and values at the top of a Markdown file."""
    return {field.name: field.value for field in read_front_matter(path).fields}


def real_service_files():
    """Return the real service pages."""
    return [
        path
        for path in CONTENT.rglob("*.md")
        if synthetic.is_service_file(path.relative_to(CONTENT))
    ]


def test_generated_services_have_the_front_matter_of_the_real_ones(tmp_path):
    synthetic.write_content(CONTENT, tmp_path, 20)
    real_shapes = {tuple(front_matter(path)) for path in real_service_files()}
    generated = [
        path
        for path in tmp_path.rglob("*.md")
        if synthetic.is_service_file(path.relative_to(tmp_path))
    ]
    assert len(generated) == 2 * 20
    assert {tuple(front_matter(path)) for path in generated} <= real_shapes


def test_every_generated_service_has_one_page_per_language_with_the_same_key(
    tmp_path,
):
    services = synthetic.write_content(CONTENT, tmp_path, 20)
    languages = {path.name for path in CONTENT.iterdir() if path.is_dir()}
    assert len({service.key for service in services}) == 20
    for service in services:
        assert {file.parts[0] for file in service.files} == languages
        for file in service.files:
            assert front_matter(tmp_path / file)["Key"] == service.key


def test_generated_links_lead_to_files_that_exist(tmp_path):
    synthetic.write_content(CONTENT, tmp_path, 8)
    for path in tmp_path.rglob("*.md"):
        for target in LINK.findall(path.read_text("utf-8")):
            assert (path.parent / target).resolve().is_file(), (path, target)


def test_a_size_below_the_real_count_keeps_no_link_to_a_missing_service(tmp_path):
    synthetic.write_content(CONTENT, tmp_path, 2)
    for path in tmp_path.rglob("*.md"):
        for target in LINK.findall(path.read_text("utf-8")):
            assert (path.parent / target).resolve().is_file(), (path, target)


def test_non_service_pages_are_copied_unchanged(tmp_path):
    synthetic.write_content(CONTENT, tmp_path, 6)
    for path in CONTENT.rglob("*.md"):
        relative = path.relative_to(CONTENT)
        if not synthetic.is_service_file(relative):
            assert (tmp_path / relative).read_bytes() == path.read_bytes()


def run_script(arguments, environment):
    """Run one of the project's scripts with ``environment``; return the result."""
    return run_command([sys.executable, *arguments], env=environment)


def run_bench(report, *options, temporary=None):
    """Run tools/bench.py with ``options``, reporting to ``report``; return it.

    ``temporary`` is the system's temporary folder for the run (``TMPDIR``).
    """
    environment = dict(os.environ)
    if temporary:
        environment["TMPDIR"] = str(temporary)
    arguments = ["-m", "tools.bench", *options, "--report", str(report)]
    result = run_script(arguments, environment)
    assert result.returncode == 0, result.stdout + result.stderr
    return result


def test_bench_prints_the_table_and_targets_and_writes_a_json_report(tmp_path):
    report, disk = tmp_path / "bench.json", tmp_path / "disk"
    disk.mkdir()
    options = ("--sizes", "real", "3", "--runs", "1", "--preview-rounds", "0")
    result = run_bench(report, *options, "--against", str(ROOT), temporary=disk)
    table = result.stdout.split("\n\n")[1].splitlines()
    assert table[0].split()[:4] == ["clean:", "s", "CPU", "s"]
    assert table[2] == f"the real site ({len(list(CONTENT.rglob('*.md')))} pages)"
    assert [row.split()[0] for row in table[3:6]] == ["ours", "peer", ROOT.name]
    for size in ("the real site", "3 services"):
        assert f"{size}: clean publish ≤ 1.0× the peer" in result.stdout
        assert f"{size}: publish after one edit ≤ 0.8× the peer" in result.stdout
    data = json.loads(report.read_text("utf-8"))
    real, size = data["sizes"]
    assert real["size"] == "real" and size["size"] == 3
    non_service = len(list(CONTENT.rglob("*.md"))) - len(real_service_files())
    assert size["pages"] == non_service + 2 * 3
    assert list(size["builds"]) == ["ours", "peer", ROOT.name]
    for builds in size["builds"].values():
        assert builds["clean"]["seconds"] > 0 and builds["warm"]["seconds"] > 0
    assert {"target", "measured", "met"} <= set(data["targets"][0])
    assert data["built_in"] == str(bench.memory_folder() or disk)
    ours = size["builds"]["ours"]["clean"]["phases"]
    peer = size["builds"]["peer"]["clean"]["phases"]
    names = [phase_clock.START_UP, *phase_clock.PHASES, bench_timing.EXIT]
    assert list(ours) == names == list(peer)
    production = phase_clock.PRODUCTION_PHASES
    assert production == ("minification", "compression", "checks")
    assert all(ours[name] > 0 for name in production), ours
    assert peer["minification"] < 0.01 and peer["checks"] < 0.01, peer
    assert peer["compression"] > 0, peer
    for build in ("ours", "peer"):
        phases = size["builds"][build]["clean"]["phases"]
        cpu_seconds = size["builds"][build]["clean"]["runs"][0]["cpu_seconds"]
        assert phases[phase_clock.START_UP] > 0 and phases["reading and writing"] > 0
        assert all(seconds >= 0 for seconds in phases.values()), phases
        assert phases[bench_timing.EXIT] < cpu_seconds / 2
    assert all(name in result.stdout for name in names)
    shared = {
        build: size["builds"][build]["clean"]["shared_cpu_seconds"]
        for build in ("ours", "peer")
    }
    assert 0 < shared["ours"] < size["builds"]["ours"]["clean"]["cpu_seconds"]
    assert size["shared_cpu_ratio"] == shared["ours"] / shared["peer"]
    [line] = [line for line in result.stdout.splitlines() if "Not a target" in line]
    assert line.endswith(f"{size['shared_cpu_ratio']:.2f}× for 3 services")


def test_a_build_after_one_edit_recompresses_only_what_changed(tmp_path):
    site = synthetic.write_site(CONTENT, tmp_path / "site", 2)
    ours = bench_timing.ours(site, tmp_path)
    clean = ours.clean()
    bench_timing.edit(site.edited, 1)
    warm = ours.warm()
    assert warm.phases["compression"] < clean.phases["compression"] / 2
    assert "Muutos 1." in site.edited.read_text("utf-8")


def figures(ours_clean, peer_clean, ours_warm, peer_warm):
    """Return the figures of one size with the given wall seconds."""

    def build(seconds):
        return {"seconds": seconds, "cpu_seconds": seconds}

    return {
        "size": "real",
        "label": "the real site",
        "pages": 28,
        "builds": {
            "ours": {"clean": build(ours_clean), "warm": build(ours_warm)},
            "peer": {"clean": build(peer_clean), "warm": build(peer_warm)},
        },
    }


def test_targets_are_no_slower_clean_and_at_most_0_8_after_an_edit():
    met = bench_report.check_targets([figures(1.0, 1.0, 0.8, 1.0)])
    assert [result[2] for result in met] == [True, True]
    missed = bench_report.check_targets([figures(1.01, 1.0, 0.81, 1.0)])
    assert [result[2] for result in missed] == [False, False]
    assert missed[1][1] == "0.81× wall (0.81× CPU)"


def test_the_preview_target_is_its_median():
    preview = {"times": [0.1, 0.2, 0.5], "median": 0.2}
    [*_, (target, measured, met)] = bench_report.check_targets(
        [figures(1, 1, 1, 1)], preview
    )
    assert target == "save to preview ≤ 0.3 s median"
    assert measured == "0.20 s (range 0.10–0.50 s, 3 saves)" and met


def test_phases_are_measured_from_the_main_sites_marks():
    marks = [
        ("start", 1.0),
        ("initialized", 1.5),  # the main site
        ("initialized", 4.0),  # a language subsite, built inside the main site
        ("finalized", 5.0),
        ("minify", 5.0),
        ("compress", 5.0),
        ("deploy", 5.0),
        ("finalized", 7.0),  # the main site, after its subsite
        ("minify", 7.5),
        ("compress", 8.0),
        ("deploy", 9.0),
        ("end", 9.25),
    ]
    assert phase_clock.phases(marks) == {
        phase_clock.START_UP: 1.0,
        "loading settings and plugins": 0.5,
        "reading and writing": 5.5,
        "after writing (other plugins, summary)": 0.5,
        "minification": 0.5,
        "compression": 1.0,
        "checks": 0.25,
    }


def test_shared_work_is_a_builds_cpu_time_without_its_production_steps():
    phases = dict.fromkeys(
        (phase_clock.START_UP, *phase_clock.PHASES, bench_timing.EXIT), 1.0
    )
    phases.update(minification=0.5, compression=2.0, checks=1.5)
    measure = bench_timing.Measure(9.0, 10.0, 100.0, phases)
    assert measure.shared_cpu_seconds == 6.0


def test_a_step_the_build_does_not_have_takes_no_time():
    marks = [("start", 0.5), ("initialized", 1.0), ("finalized", 3.0), ("end", 3.5)]
    phases = phase_clock.phases(marks)
    assert phases["reading and writing"] == 2.0
    assert phases["after writing (other plugins, summary)"] == 0.5
    assert phases["minification"] == phases["compression"] == phases["checks"] == 0


def burn(seconds):
    """Spend ``seconds`` of CPU time."""
    until = time.process_time() + seconds
    while time.process_time() < until:
        pass


def test_the_clock_notes_a_step_before_the_plugins_handlers_run(tmp_path):
    signals = phase_clock.marked_signals()

    def build_with_a_slow_minifier(_arguments):
        """Stand in for pelican: a plugin's handler takes 0.2 s on ``minify``."""
        with signals["minify"].connected_to(lambda _: burn(0.2)):
            for signal in signals.values():
                signal.send(None)

    def receivers():
        return [set(signal.receivers) for signal in signals.values()]

    before, marks = receivers(), tmp_path / "marks.json"
    phase_clock.run(marks, [], build_with_a_slow_minifier)
    phases = phase_clock.phases(json.loads(marks.read_text("utf-8")))
    assert phases["minification"] >= 0.2
    assert phases["after writing (other plugins, summary)"] < 0.1
    assert receivers() == before  # the clock's handlers are gone


def test_the_clock_without_its_marks_file_says_what_to_set():
    environment = {
        name: value
        for name, value in os.environ.items()
        if name != phase_clock.MARKS_VARIABLE
    }
    result = run_script(["tools/phase_clock.py", "--help"], environment)
    assert result.returncode == 1
    assert result.stderr.startswith(f"Set {phase_clock.MARKS_VARIABLE} to the file")
    assert "Traceback" not in result.stderr


def test_profile_writes_a_report_of_one_build_on_disk_when_asked(tmp_path):
    disk = tmp_path / "disk"
    disk.mkdir()
    run_bench(tmp_path / "bench.json", "--profile", "2", "--on-disk", temporary=disk)
    profile = (tmp_path / "profile-2.txt").read_text("utf-8")
    [program] = [line for line in profile.splitlines() if "Program:" in line]
    assert f" {disk}/bench-" in program


def test_sites_are_built_in_memory_where_the_system_has_a_folder_there(
    tmp_path, monkeypatch
):
    memory = tmp_path / "memory"
    memory.mkdir()
    monkeypatch.setattr(bench, "MEMORY_FOLDER", memory)
    with bench.work_folder() as folder:
        assert Path(folder).parent == memory
    with bench.work_folder(on_disk=True) as folder:
        assert Path(folder).parent == Path(tempfile.gettempdir())
    monkeypatch.setattr(bench, "MEMORY_NEEDED", shutil.disk_usage(memory).free + 1)
    with bench.work_folder() as folder:
        assert Path(folder).parent == Path(tempfile.gettempdir())
    monkeypatch.setattr(bench, "MEMORY_FOLDER", tmp_path / "none")
    with bench.work_folder() as folder:
        assert Path(folder).parent == Path(tempfile.gettempdir())


def test_on_disk_reaches_every_mode(monkeypatch):
    called = {}
    for mode in ("benchmark", "time_stages", "profile"):
        monkeypatch.setattr(
            bench,
            mode,
            lambda options, mode=mode: called.setdefault(mode, options.on_disk),
        )
    for options in ([], ["--stages", "5"], ["--profile", "5"]):
        assert bench.main([*options, "--on-disk"]) == 0
    assert called == {"benchmark": True, "time_stages": True, "profile": True}


def test_a_link_to_a_service_left_out_keeps_only_its_text(tmp_path):
    synthetic.write_content(CONTENT, tmp_path, 3)
    thanks = (tmp_path / "fi" / "kiitos.md").read_text("utf-8")
    assert "{filename}palvelut/debriefing.md" not in thanks
    assert "jälkipuinnista" in thanks


def test_stages_time_our_build_with_each_stage_left_out_beside_the_peer(tmp_path):
    report, disk = tmp_path / "bench.json", tmp_path / "disk"
    disk.mkdir()
    options = ("--stages", "2", "--runs", "1", "--on-disk")
    result = run_bench(report, *options, temporary=disk)
    data = json.loads((tmp_path / "stages-2.json").read_text("utf-8"))
    assert data["built_in"] == str(disk)
    assert list(data["stages"]) == [*bench.LEFT_OUT, "peer"]
    for name, figures in data["stages"].items():
        assert figures["cpu_seconds"] > 0, name
        assert name.strip() in result.stdout
    stages = data["stages"]
    assert stages["ours"]["phases"]["checks"] > 0
    assert stages["without the checks"]["phases"]["checks"] < 0.01
    assert stages[bench.LAST_STAGE]["phases"]["minification"] < 0.01


def test_a_stage_left_out_removes_its_plugin_and_keeps_the_others():
    plugins = bench.stage_overrides((), {})["PLUGINS"]
    assert bench.ASSETS in plugins
    settings = {"COMPRESS_EXTENSIONS": []}
    assert bench.stage_overrides((), settings)["COMPRESS_EXTENSIONS"] == []
    overrides = bench.stage_overrides(*bench.LEFT_OUT[bench.LAST_STAGE])
    assert overrides["PLUGINS"] == [
        name for name in plugins if name not in (bench.CHECKS, bench.ASSETS)
    ]
    assert overrides["ASSET_FINGERPRINT"] is False


def test_an_against_checkout_is_built_with_its_own_plugins(tmp_path):
    other = copy_project(tmp_path / "other")
    titles = other / "plugins" / "supervision_site" / "search_metadata" / "titles.py"
    source = titles.read_text("utf-8")
    titles.write_text(source.replace('f"{page.title} – ', 'f"Toinen: {page.title} – '))
    site = synthetic.write_site(CONTENT, tmp_path / "site", 1)
    for checkout, name in ((ROOT, "ours"), (other, "other")):
        contender = bench_timing.ours(site, tmp_path, checkout, name=name)
        contender.clean()
        page = next(contender.output.glob("palvelut/*/index.html"))
        assert ("<title>Toinen: " in page.read_text("utf-8")) == (name == "other")

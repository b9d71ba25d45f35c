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

import bench
import phase_clock
import synthetic
from conftest import ROOT, run_command

from supervision_site.core.front_matter import read_front_matter

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


def test_plain_copy_puts_another_languages_own_address_under_its_folder(tmp_path):
    synthetic.copy_for_plain_pelican(CONTENT, tmp_path / "plain", "fi")
    assert front_matter(tmp_path / "plain/en/index.md")["Save_as"] == "en/index.html"
    assert front_matter(tmp_path / "plain/en/404.md")["URL"] == "en/404.html"
    assert front_matter(tmp_path / "plain/fi/index.md")["Save_as"] == "index.html"


def test_generated_keys_are_added_to_a_setting_that_lists_service_keys(
    tmp_path, monkeypatch
):
    services = synthetic.write_content(CONTENT, tmp_path, 8)
    settings = {"SERVICE_KEYS": ["group"], "MENU_KEYS": ["services"]}
    monkeypatch.setattr(bench, "read_settings", lambda: settings)
    found = bench.service_key_settings(services)
    assert found == {"SERVICE_KEYS": [service.key for service in services]}


def run_script(arguments, environment):
    """Run one of the project's scripts with ``environment``; return the result."""
    return run_command([sys.executable, *arguments], env=environment)


def run_bench(report, *options, temporary=None):
    """Run scripts/bench.py with ``options``, reporting to ``report``; return it.

    ``temporary`` is the system's temporary folder for the run (``TMPDIR``).
    """
    environment = dict(os.environ)
    if temporary:
        environment["TMPDIR"] = str(temporary)
    arguments = ["scripts/bench.py", *options, "--report", str(report)]
    result = run_script(arguments, environment)
    assert result.returncode == 0, result.stdout + result.stderr
    return result


def test_bench_prints_the_table_and_targets_and_writes_a_json_report(tmp_path):
    report, disk = tmp_path / "bench.json", tmp_path / "disk"
    disk.mkdir()
    result = run_bench(report, "--sizes", "3", "--runs", "1", temporary=disk)
    header, _, row = result.stdout.split("\n\n")[1].splitlines()
    assert header.split()[:6] == ["services", "pages", "ours", "s", "plain", "s"]
    assert row.split()[0] == "3"
    assert "3 services: ours ≤ 1.5× plain Pelican" in result.stdout
    data = json.loads(report.read_text("utf-8"))
    [size] = data["sizes"]
    non_service = len(list(CONTENT.rglob("*.md"))) - len(real_service_files())
    assert size["pages"] == non_service + 2 * 3
    assert size["ours"]["seconds"] > 0 and size["plain"]["seconds"] > 0
    assert size["incremental"]["after_one_edit"]["seconds"] > 0
    assert size["incremental"]["plain_after_one_edit"]["seconds"] > 0
    assert "plain Pelican's own:" in result.stdout
    assert {"target", "measured", "met"} <= set(data["targets"][0])
    assert data["built_in"] == str(bench.memory_folder() or disk)
    ours, plain = size["ours"]["phases"], size["plain"]["phases"]
    names = [phase_clock.START_UP, *phase_clock.PHASES, bench.EXIT]
    assert list(ours) == names == list(plain)
    production = phase_clock.PRODUCTION_PHASES
    assert production == ("minification", "compression", "checks")
    assert all(ours[name] > 0 for name in production), ours
    assert all(plain[name] == 0 for name in production), plain
    for phases, build in ((ours, size["ours"]), (plain, size["plain"])):
        assert phases[phase_clock.START_UP] > 0 and phases["reading and writing"] > 0
        assert all(seconds >= 0 for seconds in phases.values()), phases
        assert phases[bench.EXIT] < build["runs"][0]["cpu_seconds"] / 2
    assert all(name in result.stdout for name in names)
    # Plain Pelican has no production steps: all its work is shared work.
    assert size["plain"]["shared_cpu_seconds"] == size["plain"]["cpu_seconds"]
    assert 0 < size["ours"]["shared_cpu_seconds"] < size["ours"]["cpu_seconds"]
    ratio = size["ours"]["shared_cpu_seconds"] / size["plain"]["shared_cpu_seconds"]
    assert size["shared_cpu_ratio"] == ratio
    [shared] = [line for line in result.stdout.splitlines() if "Not a target" in line]
    assert shared.endswith(f"{ratio:.2f}× at 3")


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
    phases = dict.fromkeys((phase_clock.START_UP, *phase_clock.PHASES, bench.EXIT), 1.0)
    phases.update(minification=0.5, compression=2.0, checks=1.5)
    measure = bench.Measure(9.0, 10.0, 100.0, phases)
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


def test_the_clock_notes_a_step_before_the_plugins_handlers_run(tmp_path, monkeypatch):
    def build_with_a_slow_minifier(_arguments):
        """Stand in for pelican: a plugin's handler takes 0.2 s on ``minify``."""
        with phase_clock.SIGNALS["minify"].connected_to(lambda _: burn(0.2)):
            for signal in phase_clock.SIGNALS.values():
                signal.send(None)

    def receivers():
        return [set(signal.receivers) for signal in phase_clock.SIGNALS.values()]

    monkeypatch.setattr(phase_clock.pelican, "main", build_with_a_slow_minifier)
    before, marks = receivers(), tmp_path / "marks.json"
    phase_clock.run(marks, [])
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
    result = run_script(["scripts/phase_clock.py", "--help"], environment)
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
            bench, mode, lambda *args, mode=mode: called.setdefault(mode, args[-1])
        )
    for options in ([], ["--stages", "5"], ["--profile", "5"]):
        assert bench.main([*options, "--on-disk"]) == 0
    assert called == {"benchmark": True, "time_stages": True, "profile": True}


def test_a_link_to_a_service_left_out_keeps_only_its_text(tmp_path):
    synthetic.write_content(CONTENT, tmp_path, 3)
    thanks = (tmp_path / "fi" / "kiitos.md").read_text("utf-8")
    assert "{filename}palvelut/debriefing.md" not in thanks
    assert "jälkipuinnista" in thanks


def test_stages_time_our_build_with_each_stage_left_out_beside_a_baseline_and_plain(
    tmp_path,
):
    report, disk = tmp_path / "bench.json", tmp_path / "disk"
    disk.mkdir()
    options = ("--stages", "2", "--runs", "1", "--baseline", str(ROOT), "--on-disk")
    result = run_bench(report, *options, temporary=disk)
    data = json.loads((tmp_path / "stages-2.json").read_text("utf-8"))
    assert data["built_in"] == str(disk)
    commit = bench.git_commit()
    baseline = [f"ours at {commit}", f"{bench.LAST_STAGE} at {commit}"]
    assert list(data["stages"]) == [*bench.LEFT_OUT, *baseline, "plain Pelican"]
    for name, figures in data["stages"].items():
        assert figures["cpu_seconds"] > 0, name
        assert name.strip() in result.stdout


def test_a_stage_left_out_removes_its_plugin_and_keeps_the_others():
    plugins = bench.stage_overrides(())["PLUGINS"]
    assert bench.ASSETS in plugins
    assert bench.stage_overrides((bench.COMPRESSION,))["COMPRESS_EXTENSIONS"] == []
    overrides = bench.stage_overrides((bench.CHECKS, bench.ASSETS))
    assert overrides["PLUGINS"] == [
        name for name in plugins if name not in (bench.CHECKS, bench.ASSETS)
    ]
    assert overrides["ASSET_FINGERPRINT"] is False

"""The installer: build.spec builds the one-folder application, and what it builds passes its self-test.

    .venv/bin/python -m pytest tests/test_installer.py      (about a minute on 2 cores, most of it the build)

The self-test (`selftest`, desktop_app/selftest.py) is how IT checks an installation;
here it runs from source, from the fresh bundle, and from the bundle made read-only
(as under Program Files), each with its own empty temporary folder that must be
empty again afterwards. The build is checked for Qt modules the application does
not use, and its size and build time are printed.

Marked slow; the build tests are skipped where PyInstaller is not installed.
"""

from __future__ import annotations

import importlib.util
import os
import re
import shutil
import stat
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
NAME = "ScrutinyStudio"
WINDOWS = sys.platform == "win32"
BUILD_TIMEOUT = 20 * 60
SELFTEST_TIMEOUT = 6 * 60
#: The checks every self-test runs (the optional appendix writers' checks come on top, where they exist).
CHECKS = (
    "Qt",
    "files",
    "user data folder",
    "window",
    "modules",
    "forms",
    "import",
    "complaints figures",
    "indicators",
    "preview",
    "complaints report",
    "complaints report PDF",
    "background work",
)
#: Qt modules and libraries the application never uses, some of them very large: none may be in the bundle.
UNUSED_QT = re.compile(
    r"Qt6?(WebEngine|WebView|WebChannel|WebSockets|3D|Quick|Qml|Multimedia|SpatialAudio|TextToSpeech|Charts|"
    r"DataVisualization|Graphs|Pdf|Designer|Help|Sql|Test|Bluetooth|Nfc|Positioning|Location|Sensors|SerialPort|"
    r"SerialBus|RemoteObjects|Scxml|StateMachine|HttpServer|NetworkAuth|VirtualKeyboard|Labs)",
)

pytestmark = [pytest.mark.slow, pytest.mark.installer]

if "selftest" not in (ROOT / "desktop_app" / "cli.py").read_text(encoding="utf-8"):
    pytest.skip("desktop_app/cli.py does not hand `selftest` to desktop_app.selftest yet", allow_module_level=True)

needs_pyinstaller = pytest.mark.skipif(
    importlib.util.find_spec("PyInstaller") is None,
    reason="PyInstaller is not installed in this environment (see README: Building the installer)",
)


# --- running the self-test ---------------------------------------------------------------


def run_selftest(
    command: list[str],
    temporary: Path,
    user: tuple[int, int] | None = None,
    home: Path | None = None,
    cwd: Path | None = None,
) -> subprocess.CompletedProcess:
    """`command selftest` with its own temporary folder (and home), as `user` (uid, gid) when given."""
    environment = {key: value for key, value in os.environ.items() if not key.startswith("PYTEST_")}
    environment.update(TMPDIR=str(temporary), TEMP=str(temporary), TMP=str(temporary))
    if home is not None:
        environment.update(HOME=str(home), USERPROFILE=str(home))
    if user is not None:
        uid, gid = user
        command = ["setpriv", f"--reuid={uid}", f"--regid={gid}", "--clear-groups", *command]
    return subprocess.run(
        [*command, "selftest"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
        timeout=SELFTEST_TIMEOUT,
        env=environment,
        cwd=cwd or temporary,
    )


def assert_passed(result: subprocess.CompletedProcess, temporary: Path, frozen: bool) -> list[str]:
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    lines = result.stdout.splitlines()
    passed = {line.split(":")[0].removeprefix("PASS").strip() for line in lines if line.startswith("PASS  ")}
    assert set(CHECKS) <= passed, output
    if frozen:
        assert "install folder" in passed, output
    assert not [line for line in lines if line.startswith("FAIL")], output
    assert lines[-1].startswith("All ") and lines[-1].endswith(" checks passed"), output
    assert "Traceback" not in output, output
    left = [path.name for path in temporary.iterdir()] if temporary.exists() else []
    assert left == [], f"the self-test left {left} in its temporary folder"
    return lines


def test_selftest_from_source_passes(tmp_path):
    temporary = tmp_path / "tmp"
    temporary.mkdir()
    result = run_selftest([sys.executable, "-m", "desktop_app"], temporary, cwd=ROOT)
    assert_passed(result, temporary, frozen=False)


def test_selftest_says_what_failed_and_exits_1(tmp_path):
    """An installation without its sample returns: FAIL lines that say why, exit status 1, no traceback."""
    script = (
        "import sys\nfrom pathlib import Path\nimport desktop_app.paths as paths\n"
        "paths.SAMPLE_DATA = Path(sys.argv[1])\n"
        "from desktop_app.selftest import run_selftest\nsys.exit(run_selftest(timeout=120))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script, str(tmp_path / "no_sample_data")],
        capture_output=True,
        text=True,
        timeout=SELFTEST_TIMEOUT,
        cwd=ROOT,
    )
    lines = result.stdout.splitlines()
    assert result.returncode == 1, result.stdout + result.stderr
    assert any(
        line.startswith("FAIL  files: missing from this installation:") and "no_sample_data" in line for line in lines
    ), result.stdout
    assert any(line.startswith("FAIL  import:") for line in lines), result.stdout
    assert any(line.startswith("PASS  window:") for line in lines), result.stdout  # the rest still ran
    assert re.fullmatch(r"\d+ of \d+ checks failed: files, import, .*", lines[-1]), lines[-1]
    assert "Traceback" not in result.stdout + result.stderr


def test_measure_startup_prints_when_the_window_first_painted():
    started = time.time()
    result = subprocess.run(
        [sys.executable, "-m", "desktop_app", "selftest", "--measure-startup"],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=ROOT,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    [line] = [line for line in result.stdout.splitlines() if line.startswith("first-paint ")]
    painted = float(line.split()[1])
    assert started < painted < time.time()


# --- the bundle ------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def bundle(request) -> Path:
    """The application built by build.spec into a fresh folder (others may read it: see the read-only test)."""
    work = Path(tempfile.mkdtemp(prefix="scrutiny-installer-"))
    work.chmod(0o755)
    request.addfinalizer(lambda: remove(work))
    started = time.monotonic()
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--log-level",
            "WARN",
            "--distpath",
            str(work / "dist"),
            "--workpath",
            str(work / "build"),
            str(ROOT / "build.spec"),
        ],
        capture_output=True,
        text=True,
        timeout=BUILD_TIMEOUT,
        cwd=work,
    )
    took = time.monotonic() - started
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-6000:]
    folder = work / "dist" / NAME
    capture = request.config.pluginmanager.get_plugin("capturemanager")
    with capture.global_and_fixture_disabled():  # shown in every run, CI's included
        print(f"\ninstaller: built in {took:.0f} s; {size_report(folder)}")
    return folder


def executable(folder: Path) -> Path:
    return folder / (f"{NAME}.exe" if WINDOWS else NAME)


def files_of(folder: Path) -> list[Path]:
    return [path for path in folder.rglob("*") if path.is_file() and not path.is_symlink()]


def size_report(folder: Path) -> str:
    files = files_of(folder)
    total = sum(path.stat().st_size for path in files)
    internal = folder / "_internal"
    parts: dict[str, int] = {}
    for path in files:
        relative = path.relative_to(internal) if path.is_relative_to(internal) else path.relative_to(folder)
        top = relative.parts[0]
        if top == "PySide6" and len(relative.parts) > 2:  # Qt itself, split by library
            top = "/".join(relative.parts[:2]) if relative.parts[1] != "Qt" else f"PySide6/Qt/{relative.parts[2]}"
        parts[top] = parts.get(top, 0) + path.stat().st_size
    largest = sorted(parts.items(), key=lambda item: -item[1])[:8]
    return f"{total / 1e6:.0f} MB in {len(files)} files; largest: " + ", ".join(
        f"{name} {size / 1e6:.1f} MB" for name, size in largest
    )


def remove(folder: Path) -> None:
    for path in [folder, *folder.rglob("*")]:
        if not path.is_symlink():
            path.chmod(path.stat().st_mode | stat.S_IWUSR)
    shutil.rmtree(folder, ignore_errors=True)


@needs_pyinstaller
def test_bundle_passes_its_selftest(bundle, tmp_path):
    temporary = tmp_path / "tmp"
    temporary.mkdir()
    lines = assert_passed(run_selftest([str(executable(bundle))], temporary), temporary, frozen=True)
    assert f"installed at {bundle}" in lines[0]
    modules = [
        path
        for path in (ROOT / "desktop_app").rglob("*.py")
        if path.relative_to(ROOT).as_posix()
        not in ("desktop_app/__init__.py", "desktop_app/__main__.py", "desktop_app/selftest.py")
    ]
    assert f"PASS  modules: all {len(modules)} modules of the application import" in lines  # none left out


@needs_pyinstaller
def test_bundle_has_only_the_qt_it_uses(bundle):
    names = [path.name for path in files_of(bundle)]
    libraries = [name for name in names if re.search(r"\.(so|pyd|dll|dylib)(\.|$)", name)]
    unused = sorted(name for name in libraries if UNUSED_QT.search(name))
    assert unused == []
    qt_python = {
        name.split(".")[0]
        for name in os.listdir(bundle / "_internal" / "PySide6")
        if name.startswith("Qt") and name.endswith((".so", ".pyd"))
    }
    source = "\n".join(path.read_text(encoding="utf-8") for path in (ROOT / "desktop_app").rglob("*.py"))
    imported = set(re.findall(r"\bPySide6\.(Qt\w+)", source)) | {"QtCore"}
    if re.search(r"^\s*(?:import|from)\s+pyqtgraph\b", source, re.MULTILINE):
        imported |= {"QtOpenGL", "QtOpenGLWidgets", "QtSvg"}  # pyqtgraph imports these itself
    assert qt_python <= imported, f"Qt modules in the bundle the application does not import: {qt_python - imported}"
    assert not [name for name in names if name.endswith(".qm")], "Qt's translations are not needed"
    assert [path for path in bundle.rglob("*") if path.is_symlink() and not path.exists()] == []
    data = bundle / "_internal"
    assert (data / "forms" / "cover_sheet.ui").is_file() and (data / "resources" / "icons").is_dir()
    assert sorted(path.name for path in (data / "sample_data").iterdir()) == sorted(
        path.name for path in (ROOT / "sample_data").glob("*.xlsx")
    )


@needs_pyinstaller
def test_bundle_carries_what_help_shows(bundle):
    """The user guide, and the metadata of every library About names (its version and licence are read there)."""
    from desktop_app.gui.help_dialogs import libraries

    data = bundle / "_internal"
    assert (data / "resources" / "guide" / "user_guide.md").is_file()
    carried = {re.sub(r"[-_.]+", "-", path.name.split("-")[0]).lower() for path in data.glob("*.dist-info")}
    named = {re.sub(r"[-_.]+", "-", library.name).lower() for library in libraries()}
    assert named - carried == set()


@needs_pyinstaller
@pytest.mark.skipif(WINDOWS, reason="read-only as another user is checked on Linux")
def test_bundle_runs_from_a_read_only_folder(bundle, request):
    """As under Program Files: every file and folder read-only, run by a user who owns none of them."""
    for path in [bundle, *bundle.rglob("*")]:
        if not path.is_symlink():
            path.chmod(path.stat().st_mode & ~(stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH))
    place = Path(tempfile.mkdtemp(prefix="scrutiny-user-"))  # not under pytest's folders: those are private
    request.addfinalizer(lambda: remove(place))
    place.chmod(0o755)
    home, temporary = place / "home", place / "tmp"
    home.mkdir()
    temporary.mkdir()
    user = None
    if os.geteuid() == 0:  # root writes whatever the permissions say: run as nobody
        if shutil.which("setpriv") is None:
            pytest.skip("running as root, and setpriv (util-linux) is not there to run as another user")
        user = (65534, 65534)
        for path in (home, temporary):
            os.chown(path, *user)
    command = [str(executable(bundle))]
    assert_passed(run_selftest(command, temporary, user=user, home=home), temporary, frozen=True)

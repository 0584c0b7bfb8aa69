"""The domain is plain Python: it imports with Qt, Excel readers and PDF writers made unimportable."""

import pkgutil
import subprocess
import sys
import textwrap

import desktop_app.domain

BLOCKED = ("PySide6", "shiboken6", "pyqtgraph", "reportlab", "openpyxl", "python_calamine")


def test_domain_imports_without_qt_excel_or_pdf():
    modules = [f"desktop_app.domain.{m.name}" for m in pkgutil.iter_modules(desktop_app.domain.__path__)]
    script = textwrap.dedent(
        f"""
        import importlib, sys
        class Block:
            def find_spec(self, name, path=None, target=None):
                if name.split(".")[0] in {BLOCKED!r}:
                    raise ImportError("blocked for this test: " + name)
        sys.meta_path.insert(0, Block())
        for module in {modules!r}:
            importlib.import_module(module)
        leaked = sorted(m for m in sys.modules if m.startswith(("desktop_app.excel", "desktop_app.cli", "desktop_app.gui")))
        assert not leaked, leaked
        print(len({modules!r}))
        """
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert int(done.stdout) >= 6

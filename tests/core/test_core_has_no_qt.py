import subprocess
import sys

from tests.conftest import ROOT


def test_importing_core_and_running_the_cli_loads_no_qt():
    code = ("import sys, core, core.storage.store, core.law.evaluation, core.cli.run, core.imports.boundaries, core.geo.geometry;"
            "import core.domain.commands, core.domain.scenario_io;"
            "assert not [m for m in sys.modules if m.startswith(('PySide6', 'shiboken6'))], 'Qt loaded'")
    subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=True)


def test_command_line_check_never_creates_a_qapplication(tmp_path):
    code = ("import sys, runpy; sys.argv=['main.py','--db',%r,'check','Phương án 2019'];"
            "import main; rc = main.main(sys.argv[1:]);"
            "assert rc == 0; assert 'PySide6' not in sys.modules" % str(tmp_path / "p.sqlite"))
    subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=True)

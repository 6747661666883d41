"""Starts a submission's IPython kernel with the grader's guard in place.

Run by ``nnb_grading.sandbox.SealedKernelManager`` inside the sandbox, before any of the
student's code:

1. imports numpy and nblib and makes them (and ``builtins``, ``math``) read-only: an
   assignment such as ``np.allclose = ...`` raises ``AttributeError``;
2. keeps a copy of those modules' contents, so a change made around that (through
   ``__dict__``, say) is found and undone;
3. adds an audit hook (which Python code cannot remove) that refuses writes outside
   the working copy, network connections, new processes and changes to numpy, nblib,
   IPython and ipykernel classes, and records each refusal;
4. shows warnings on stdout: nbgrader fails any test cell that writes to stderr, and
   a correct answer may well raise a RuntimeWarning;
5. registers ``_nnb_guard``, whose ``verify(namespace, nonce)`` the grader calls at the
   top of every graded test cell. It puts back the real checks and modules, reports
   what it had to put back and what the audit hook refused, and answers with the nonce
   as a display message the grader strips. A test cell without that answer is failed.

Everything here runs inside the student's interpreter, so it makes tampering visible
and the common tricks harmless; it is not a proof against code written to defeat this
file. Such code needs constructs (``__builtins__``, ``sys.modules``, ``get_ipython``,
``exec``...) that the grader's static scan (``nnb_grading.integrity``) finds outside the
kernel, where the student's code cannot reach it.

This file is bound read-only into the sandbox on its own: it imports nothing from
``nnb_grading``.
"""

import builtins
import json
import math
import os
import sys
import types
import warnings

MIME = "application/vnd.nnb.integrity+json"
# Methods a notebook could replace on the shell to hide a test cell's error (ipykernel
# itself sets _showtraceback and CustomTB on the instance; a hidden error still makes
# the cell's reply an error, which nbgrader's Execute turns back into an error output).
SHELL_METHODS = ("run_cell", "run_cell_async", "run_code", "run_ast_nodes", "showtraceback",
                 "showsyntaxerror", "set_custom_exc", "transform_cell")
PROTECTED_CLASS_MODULES = ("numpy", "nblib", "IPython", "ipykernel", "builtins")
# Names IPython itself swaps in and out of builtins around every cell.
IPYTHON_BUILTINS = {"exit", "quit", "get_ipython", "display", "_", "__IPYTHON__", "input", "raw_input"}
_MISSING = object()
_STDLIB = os.path.dirname(os.__file__) + os.sep


class ReadOnlyModule(types.ModuleType):
    """A module whose existing names cannot be rebound or deleted (new names can be added:
    importing a submodule adds one to its package)."""

    def __setattr__(self, name, value):
        if name in vars(self) and vars(self)[name] is not value:
            raise AttributeError(f"{self.__name__}.{name} cannot be changed while the notebook is graded")
        super().__setattr__(name, value)

    def __delattr__(self, name):
        raise AttributeError(f"{self.__name__}.{name} cannot be deleted while the notebook is graded")


class Guard:
    def __init__(self, allowed):
        import numpy
        import numpy.linalg
        import numpy.random
        import numpy.testing
        import nblib  # noqa: F401  (imports every nblib module)
        import nblib.checks

        self.allowed = [os.path.realpath(a) for a in allowed]
        self.modules = {name: sys.modules[name] for name in sorted(sys.modules)
                        if name in ("builtins", "math", "numpy", "numpy.linalg", "numpy.random", "numpy.testing")
                        or name == "nblib" or name.startswith("nblib.")}
        self.snapshot = {name: dict(vars(mod)) for name, mod in self.modules.items()}
        self.checks = {name: value for name, value in vars(nblib.checks).items() if not name.startswith("_")}
        self.aliases = {"np": numpy, "numpy": numpy, "nblib": sys.modules["nblib"], "math": math}
        self.events = []
        self.ready = False
        # Bound now: the student's code may rebind the names, not these references.
        self._setitem = dict.__setitem__
        self._realpath = os.path.realpath
        self._json = json.dumps

    def seal(self):
        for mod in self.writable_free():
            mod.__class__ = ReadOnlyModule
        warnings.showwarning = _warning_to_stdout
        sys.addaudithook(self.audit)
        self.ready = True

    def writable_free(self):
        # ipykernel rebinds builtins.input around every cell: builtins is checked and
        # restored by verify() instead of being made read-only.
        return [mod for name, mod in self.modules.items() if name not in ("builtins", "_nnb_guard")]

    # -- the audit hook -------------------------------------------------------------
    def _refuse(self, what):
        frame = sys._getframe(2)
        while frame is not None and frame.f_code.co_filename.startswith(_STDLIB):
            frame = frame.f_back  # name the library or cell that asked, not subprocess.py
        if frame is not None and not _from_cell(frame):
            what += f" (from {frame.f_code.co_filename.rsplit('/site-packages/', 1)[-1]}:{frame.f_lineno})"
        if len(self.events) < 100:
            self.events.append({"what": what, **self._asked_by(sys._getframe(2))})
        raise PermissionError(f"not allowed while the notebook is graded: {what}")

    def _asked_by(self, frame):
        """Who asked for a refused action: the execution counts of the notebook cells on
        the stack (the grader knows which cells are the student's), and whether it
        happened while a module was being imported (a library's own start-up work, such
        as urllib3's IPv6 probe, asked for by nobody's code)."""
        names = getattr(getattr(_shell(), "compile", None), "_filename_map", {})
        cells, importing, innermost = [], False, True
        while frame is not None:
            name = frame.f_code.co_filename
            if _from_cell(frame):
                cells.append(names.get(name))
                innermost = False
            elif innermost and name.startswith("<frozen importlib"):
                importing = True
            frame = frame.f_back
        return {"cells": [c for c in cells if c is not None], "import": importing}

    def audit(self, event, args):
        if not self.ready:
            return
        if event == "open":
            path, mode, flags = args
            if not isinstance(path, (str, bytes)) or not isinstance(flags, int):
                return
            writes = flags & (os.O_WRONLY | os.O_RDWR | os.O_APPEND | os.O_CREAT | os.O_TRUNC)
            if writes:
                real = self._realpath(os.fsdecode(path))
                if not any(real == a or real.startswith(a + os.sep) for a in self.allowed):
                    self._refuse(f"writing {real}")
        elif event in ("socket.connect", "socket.bind", "socket.sendto", "socket.getaddrinfo"):
            self._refuse(f"network ({event})")
        elif event in ("subprocess.Popen", "os.system", "os.exec", "os.posix_spawn", "os.spawn", "os.fork",
                       "os.forkpty", "pty.spawn"):
            self._refuse(f"starting a process ({event})")
        elif event == "object.__setattr__" and _from_cell(sys._getframe(1)):
            # Libraries set attributes on their own classes while they import; only a
            # notebook cell doing it is refused.
            obj = args[0]
            module = getattr(obj, "__module__", "") if isinstance(obj, type) else ""
            if isinstance(module, str) and module.split(".")[0] in PROTECTED_CLASS_MODULES:
                self._refuse(f"changing class {module}.{getattr(obj, '__qualname__', '?')}.{args[1]}")
        elif event == "sys.addaudithook":
            self._refuse("adding an audit hook")

    # -- called at the top of every graded test cell -------------------------------
    def verify(self, namespace, nonce):
        problems = []
        for name, mod in self.modules.items():
            if sys.modules.get(name) is not mod:
                problems.append(f"the module {name} was replaced")
                self._setitem(sys.modules, name, mod)
            if type(mod) is not ReadOnlyModule and mod in self.writable_free():
                problems.append(f"the module {name} was made writable")
                mod.__class__ = ReadOnlyModule
            contents = vars(mod)
            for key, value in self.snapshot[name].items():
                if name == "builtins" and key in IPYTHON_BUILTINS:
                    continue
                if contents.get(key, _MISSING) is not value:
                    problems.append(f"{name}.{key} was changed")
                    self._setitem(contents, key, value)
        for key, value in list(self.checks.items()) + list(self.aliases.items()):
            if key in namespace and namespace[key] is not value:
                problems.append(f"the name {key} was redefined")
                self._setitem(namespace, key, value)
        if namespace.get("__builtins__", builtins) not in (builtins, vars(builtins)):
            problems.append("__builtins__ was replaced")
            self._setitem(namespace, "__builtins__", builtins)
        shell = _shell()
        if shell is not None:
            changed = [m for m in SHELL_METHODS if m in vars(shell)]
            if changed:
                problems.append("IPython's " + ", ".join(changed) + " replaced")
            if getattr(shell, "custom_exceptions", ()):
                problems.append("a custom exception handler was installed")
        if sys.gettrace() is not None or sys.getprofile() is not None:
            problems.append("a trace or profile function was installed")
        events, self.events = self.events, []
        payload = {"nonce": nonce, "problems": problems, "refused": events}
        if shell is not None:
            shell.display_pub.publish(data={MIME: self._json(payload)}, metadata={})


def _from_cell(frame):
    name = frame.f_code.co_filename if frame is not None else ""
    return name.startswith("<ipython-input") or ("ipykernel_" in name and name.endswith(".py")
                                                   and name.startswith(("/tmp/", "/var/tmp/")))


def _shell():
    try:
        from IPython.core.interactiveshell import InteractiveShell
        return InteractiveShell._instance
    except Exception:
        return None


def _warning_to_stdout(message, category, filename, lineno, file=None, line=None):
    sys.stdout.write(warnings.formatwarning(message, category, filename, lineno, line))


def _warm_caches():
    """Ask now, before the guard refuses processes, what libraries otherwise find out
    lazily with a process of their own: joblib's count of physical cores (``lscpu``),
    which scikit-learn asks for on a student's ``n_jobs=-1``; refused, it prints a
    traceback on stderr, and nbgrader fails any cell with stderr."""
    try:
        from joblib.externals.loky.backend import context
        context._count_physical_cores()  # cached in the module from here on
    except Exception:  # noqa: BLE001  (only a warning later, as without the guard)
        pass


def _set_limit(name, value):
    try:
        import resource
        resource.setrlimit(getattr(resource, name), (int(value), int(value)))
    except (ImportError, AttributeError, ValueError, OSError):
        pass  # this platform does not enforce it: docs/instructors.md, "Sealed grading: what a submission can and cannot do", says which


def main(argv):
    allowed = []
    while argv[:1] in (["--allowed"], ["--rlimit"]):
        if argv[0] == "--allowed":
            allowed.append(argv[1])
        else:
            _set_limit(*argv[1].split("="))
        argv = argv[2:]
    allowed += ["/dev/null"] + [os.environ[k] for k in ("MPLCONFIGDIR", "TMPDIR") if os.environ.get(k)]
    guard = Guard(allowed)
    module = types.ModuleType("_nnb_guard")
    module.verify = guard.verify
    module.MIME = MIME
    sys.modules["_nnb_guard"] = module
    guard.modules["_nnb_guard"] = module
    guard.snapshot["_nnb_guard"] = dict(vars(module))

    from ipykernel.kernelapp import IPKernelApp
    app = IPKernelApp.instance()
    app.initialize(argv)
    _warm_caches()
    guard.seal()  # after ipykernel's own start-up, before any cell
    app.start()


if __name__ == "__main__":
    main(sys.argv[1:])

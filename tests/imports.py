"""What a module of the package imports, read from its source (used by tests/test_boundaries.py).

Every import counts, wherever it is written (at the top, inside a function, under
``if TYPE_CHECKING:``):

* ``import a.b`` imports ``a.b``;
* ``from a import b`` imports ``a`` and ``a.b`` (``b`` may be a module);
* a relative import is resolved against the module's package;
* ``importlib.import_module("a.b")`` and ``__import__("a.b")`` import ``a.b``; a relative name is
  resolved against the package given (a literal, ``__package__`` or ``__name__``), and an
  f-string name (``f"purgequiz.commands.{name}"``) imports the package its literal start names.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from pathlib import Path

__all__ = ["Import", "imports", "module_name"]


@dataclass(frozen=True)
class Import:
    name: str  # the module imported, absolute
    line: int


def module_name(path: Path, root: Path) -> str:
    """The dotted name of the module at ``path``, ``root`` being the folder above the
    package."""
    parts = list(path.relative_to(root).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _package(module: str, is_package: bool) -> str:
    return module if is_package else module.rpartition(".")[0]


def _resolve(name: str, level: int, package: str) -> str | None:
    """``name`` imported ``level`` dots up from ``package`` (``from ..x import y``)."""
    if level == 0:
        return name
    parts = package.split(".") if package else []
    if level - 1 >= len(parts):
        return None  # beyond the top of the package: Python refuses it too
    base = parts[: len(parts) - (level - 1)]
    return ".".join([*base, name] if name else base) or None


def _literal(node: ast.AST | None) -> str | None:
    """The text of a string literal, or the literal start of an f-string ("" if none)."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        head = node.values[0] if node.values else None
        if isinstance(head, ast.Constant) and isinstance(head.value, str):
            return head.value.rpartition(".")[0]  # the complete names before the first field
        return ""
    return None


def _called(node: ast.Call) -> str | None:
    func = node.func
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    return None


def imports(path: Path, root: Path) -> list[Import]:
    """Every module the source at ``path`` imports (see the module's docstring)."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    module = module_name(path, root)
    package = _package(module, path.name == "__init__.py")
    found: list[Import] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [Import(alias.name, node.lineno) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = _resolve(node.module or "", node.level, package)
            if base is None:
                continue
            found.append(Import(base, node.lineno))
            found += [
                Import(f"{base}.{alias.name}", node.lineno)
                for alias in node.names
                if alias.name != "*"
            ]
        elif isinstance(node, ast.Call) and _called(node) in ("import_module", "__import__"):
            name = _literal(node.args[0]) if node.args else None
            if not name:
                continue
            given = (
                node.args[1]
                if len(node.args) > 1
                else next((k.value for k in node.keywords if k.arg == "package"), None)
            )
            anchor = _literal(given) or {"__package__": package, "__name__": module}.get(
                given.id if isinstance(given, ast.Name) else ""
            )
            if name.startswith("."):
                level = len(name) - len(name.lstrip("."))
                resolved = _resolve(name.lstrip("."), level, anchor or package)
                if resolved is None:
                    continue
                name = resolved
            found.append(Import(name, node.lineno))
    return found

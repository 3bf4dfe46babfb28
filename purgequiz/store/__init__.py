"""The progress store: one durable TinyDB database per profile (no textual here).

The names below are loaded on first use, so that what needs only a part (finding a profile's
name before the app starts, the last profile used) does not also load TinyDB and the engine.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from purgequiz._lazy import lazy_attributes

if TYPE_CHECKING:
    from purgequiz.store.directory import ProfileInfo, find_profile, list_profiles
    from purgequiz.store.errors import (
        ProfileInUse,
        ProfileNameError,
        ProfileNotFound,
        Recovery,
        StoreError,
    )
    from purgequiz.store.manage import (
        DeletedProfile,
        delete_profile,
        deleted_profiles,
        rename_profile,
        restore_profile,
    )
    from purgequiz.store.profile import Profile, open_profile
    from purgequiz.store.transfer import ImportReport, export_profile, import_into

_WHERE = {
    "ProfileInfo": "directory",
    "find_profile": "directory",
    "list_profiles": "directory",
    "ProfileInUse": "errors",
    "ProfileNameError": "errors",
    "ProfileNotFound": "errors",
    "Recovery": "errors",
    "StoreError": "errors",
    "DeletedProfile": "manage",
    "delete_profile": "manage",
    "deleted_profiles": "manage",
    "rename_profile": "manage",
    "restore_profile": "manage",
    "Profile": "profile",
    "open_profile": "profile",
    "ImportReport": "transfer",
    "export_profile": "transfer",
    "import_into": "transfer",
}

# Written out (not sorted(_WHERE)) so that linters see the names as exported.
__all__ = [
    "DeletedProfile",
    "ImportReport",
    "Profile",
    "ProfileInUse",
    "ProfileInfo",
    "ProfileNameError",
    "ProfileNotFound",
    "Recovery",
    "StoreError",
    "delete_profile",
    "deleted_profiles",
    "export_profile",
    "find_profile",
    "import_into",
    "list_profiles",
    "open_profile",
    "rename_profile",
    "restore_profile",
]
assert sorted(__all__) == sorted(_WHERE)

__getattr__ = lazy_attributes(__name__, _WHERE, globals())

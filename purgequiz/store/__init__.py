"""The progress store: one durable TinyDB database per profile (no textual here)."""

from purgequiz.store.errors import (
    ProfileInUse,
    ProfileNameError,
    ProfileNotFound,
    Recovery,
    StoreError,
)
from purgequiz.store.profile import Profile, ProfileInfo, list_profiles, open_profile
from purgequiz.store.transfer import ImportReport, export_profile, import_into

__all__ = [
    "ImportReport", "Profile", "ProfileInUse", "ProfileInfo", "ProfileNameError",
    "ProfileNotFound", "Recovery", "StoreError", "export_profile", "import_into",
    "list_profiles", "open_profile",
]

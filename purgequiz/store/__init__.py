"""The progress store: one durable TinyDB database per profile (no textual here).

Import from the module that defines a name (``profile``, ``directory``, ``errors``, ``manage``,
``transfer`` …), so that what needs only a part (finding a profile's name before the app
starts, the last profile used) does not also load TinyDB and the engine.
"""

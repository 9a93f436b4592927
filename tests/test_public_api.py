import warta


def test_all_names_are_exported_and_nothing_public_is_missing():
    for name in warta.__all__:
        assert hasattr(warta, name), name
    public = {n for n in vars(warta) if not n.startswith("_") and n not in {"annotations"}}
    modules = {n for n in public if type(getattr(warta, n)).__name__ == "module"}
    assert public - modules == set(warta.__all__) - {"__version__"}
